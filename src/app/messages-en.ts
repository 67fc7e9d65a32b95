/**
 * The English text of every worker {@link Message}. The one place that words them, so another language is
 * one more file like this.
 */
import type { Message } from '../shared/messages';

/**
 * A message in English.
 *
 * @example
 * messageText({ code: 'corpus-file-refused', file: 'a.txt', reason: 'not-found' }); // 'The bundled article a.txt could not be fetched; it was left out.'
 */
export function messageText(message: Message): string {
  switch (message.code) {
    case 'keyword-fallback':
      if (message.reason === 'model-unavailable') return `${message.cause} Showing keyword results.`;
      return message.reason === 'model-loading'
        ? 'The model is still loading; showing keyword results until it is ready.'
        : 'The index is being built; showing keyword results until it is ready.';
    case 'corpus-file-refused':
      return message.reason === 'not-found'
        ? `The bundled article ${message.file} could not be fetched; it was left out.`
        : `The bundled article ${message.file} is damaged (its contents do not match the manifest); it was left out.`;
    case 'upgrade-blocked':
      return 'Waiting for another tab of this app to close: it uses an older version of the stored data. Close it to continue.';
    case 'reload-needed':
      return 'This app was updated in another tab. Reload this page to continue; your documents are safe.';
    case 'vectors-pending':
      return message.storageFull
        ? `stored: ${message.passages} passages; keyword search works; vectors pending: the browser has no room left to save data for this site. Free space (delete documents or models you no longer use), then reload.`
        : `stored: ${message.passages} passages; keyword search works; vectors pending (embedded at the next start)`;
  }
}
