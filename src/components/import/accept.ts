/**
 * What document import accepts, for the file pickers and the size limits the page states (the words are in
 * the catalogs, `src/i18n/locales/`).
 */
import { ACCEPTED_EXTENSIONS, MAX_DOCUMENT_BYTES } from '../../core/formats';
import { MAX_INPUT_MB } from '../../core/text/decode';

/** The `accept` list of the file pickers: every extension the app reads. */
export const ACCEPT = ACCEPTED_EXTENSIONS.join(',');

/** Size limits in MB, as the catalogs' `documents.dropHint` interpolates them: documents, then text files. */
export const IMPORT_LIMITS_MB = { documentSize: MAX_DOCUMENT_BYTES / 1024 / 1024, size: MAX_INPUT_MB };
