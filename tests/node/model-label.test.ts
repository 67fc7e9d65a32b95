import { describe, expect, it } from 'vitest';
import { modelLabel } from '../../src/app/model-label';
import { findModel } from '../../src/embed/registry';
import { i18n, startI18n } from '../../src/i18n/i18n';

describe('model names in the reader’s language', () => {
  startI18n('en');

  it('translates the test models’ names and keeps real models’ own', async () => {
    const tiny = findModel('fixture-tiny')!;
    const real = findModel('Xenova/bge-small-zh-v1.5')!;
    expect(modelLabel(tiny)).toBe(tiny.label);
    await i18n.changeLanguage('zh-Hans');
    expect(modelLabel(tiny)).toBe('测试模型（微型）');
    expect(modelLabel(findModel('fixture-small-zh')!)).toBe('测试模型（bge-small-zh 结构）');
    expect(modelLabel(real)).toBe(real.label);
    await i18n.changeLanguage('zh-Hant');
    expect(modelLabel(tiny)).toBe('測試模型（微型）');
  });
});
