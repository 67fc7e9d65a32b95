/**
 * A model's name as the reader sees it: the generated test models' names are translated, real models keep
 * their own.
 */
import type { TFunction } from 'i18next';
import type { ModelEntry } from '../embed/registry';
import { i18n } from '../i18n/i18n';

/**
 * The name of `entry` in the current interface language.
 *
 * @example
 * modelLabel(findModel('fixture-tiny')!); // zh-Hans: '测试模型（微型）'
 */
export function modelLabel(entry: ModelEntry, t: TFunction = i18n.t): string {
  return entry.testModel
    ? t('testModels.label', { context: entry.id, defaultValue: entry.label })
    : entry.label;
}
