/**
 * Visible strings of document import and page-aware results, in one place for the i18n catalogs.
 */
import { ACCEPTED_EXTENSIONS, MAX_DOCUMENT_BYTES } from '../../core/formats';
import { MAX_INPUT_MB } from '../../core/text/decode';

/** The `accept` list of the file pickers: every extension the app reads. */
export const ACCEPT = ACCEPTED_EXTENSIONS.join(',');

/** The formats, as a reader sees them. */
export const FORMATS_LABEL = 'PDF, Word (.docx), EPUB, .txt, .md or .html';

/** Shown while files are dragged over the page. */
export const DROP_HINT = `Drop files or folders (${FORMATS_LABEL}) to add them`;

/** Next to the file pickers. */
export const ADD_FILES_DETAIL = `or drop files and folders anywhere on the page · PDF, DOCX and EPUB up to ${
  MAX_DOCUMENT_BYTES / 1024 / 1024
} MB, text up to ${MAX_INPUT_MB} MB · any of UTF-8, UTF-16, GBK, Big5`;

/** The folder picker's label. */
export const ADD_FOLDER = 'Add a folder…';

/** A result's page, for paged documents. */
export const pageLabel = (page: number): string => `page ${page}`;

/** The viewer's heading above one page of a paged document. */
export const pageOfLabel = (page: number, pages: number): string => `Page ${page} of ${pages}`;

/** The viewer's button showing the whole document instead of one page. */
export const WHOLE_DOCUMENT = 'Whole document';

/** The documents table: a paged document's format and page count. */
export const formatWithPages = (format: string, pages: number): string =>
  `${format} · ${pages} ${pages === 1 ? 'page' : 'pages'}`;
