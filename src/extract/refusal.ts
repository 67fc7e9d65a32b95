/**
 * A refused file as a code with parameters, so the page can say why in the reader's language.
 */
import { IngestError } from '../core/text/decode';
import type { FileRefusal } from '../shared/messages';

/**
 * Why `file` could not be added, from the error its ingestion threw.
 *
 * @example
 * fileRefusal(new IngestError('binary', 'a.txt'), 'a.txt'); // { code: 'file-refused', file: 'a.txt', reason: 'binary' }
 */
export function fileRefusal(error: unknown, file: string): FileRefusal {
  if (!(error instanceof IngestError)) {
    return {
      code: 'file-refused',
      file,
      reason: 'error',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const { reason, size } = error;
  if (size?.unpacked) return { code: 'file-refused', file, reason: 'zip-bomb', limit: size.limit };
  return { code: 'file-refused', file, reason, ...(size && { bytes: size.bytes, limit: size.limit }) };
}
