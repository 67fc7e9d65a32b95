/**
 * Every worker {@link Message} in the reader's language, from the catalogs' `messages` section (one key per
 * code; a code with a `reason` has one key per reason, and `vectors-pending` one for a full storage, as an
 * i18next context; a nested `cause` is rendered first, and so is each of a model folder's file `problems`).
 */
import type { TFunction } from 'i18next';
import { i18n } from '../i18n/i18n';
import type { Message } from '../shared/messages';
import { RemoteError } from '../worker-client/bridge';

/**
 * A message in the current interface language (pass a component's `t` so it re-renders on a switch).
 *
 * @example
 * messageText({ code: 'corpus-file-refused', file: 'a.txt', reason: 'not-found' });
 * // en: 'The bundled article a.txt could not be fetched; it was left out.'
 */
export function messageText(message: Message, t: TFunction = i18n.t): string {
  const { code, ...params } = message;
  const context =
    'reason' in params
      ? params.reason
      : 'storageFull' in params && params.storageFull
        ? 'storage-full'
        : undefined;
  // A fallback's cause is a message of its own, said first.
  const cause = 'cause' in params ? messageText(params.cause, t) : undefined;
  const problems =
    'problems' in params
      ? params.problems
          .map((problem) => t('messages.model-folder-problem', { ...problem, context: problem.problem }))
          .join(t('messages.model-folder-problems-separator'))
      : undefined;
  return t(`messages.${code}`, { ...params, cause, problems, context });
}

/**
 * An error in the current interface language: the worker's message code when it sent one, otherwise the
 * error's own words.
 *
 * @example
 * errorText(new RemoteError({ name: 'IndexFileError', message: '…', said: { code: 'index-file-refused', reason: 'not-index' } }));
 * // zh-Hans: '这不是本应用导出的索引文件。'
 */
export function errorText(error: Error, t: TFunction = i18n.t): string {
  return error instanceof RemoteError && error.said ? messageText(error.said, t) : error.message;
}
