/**
 * The file formats the app reads, told from the file name, and how large each may be.
 */
import { IngestError, MAX_INPUT_BYTES } from './text/decode';

/** Kinds of file the app reads: plain text formats and the document formats that need an extractor. */
export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'epub';

/** Formats whose bytes go through an extractor (`src/extract/`) rather than the text decoder. */
export type ExtractedFormat = Extract<DocumentFormat, 'pdf' | 'docx' | 'epub'>;

const BY_EXTENSION: Record<string, DocumentFormat> = {
  txt: 'txt',
  text: 'txt',
  log: 'txt',
  csv: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
  epub: 'epub',
};

/** File extensions the app reads, for an `<input accept>` list and the drop hint. */
export const ACCEPTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION).map((ext) => `.${ext}`);

/** Largest PDF, DOCX or EPUB accepted, in bytes (100 MB: a long scanned-quality book still fits). */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

/**
 * Format of a file from its extension, or `undefined` for a file the app does not read.
 *
 * @example
 * formatFromName('论文 final.PDF'); // 'pdf'
 * formatFromName('photo.jpg'); // undefined
 */
export function formatFromName(name: string): DocumentFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : BY_EXTENSION[extension];
}

/**
 * True for the formats read by an extractor (PDF, DOCX, EPUB).
 *
 * @example
 * isExtractedFormat('epub'); // true
 */
export function isExtractedFormat(format: DocumentFormat): format is ExtractedFormat {
  return format === 'pdf' || format === 'docx' || format === 'epub';
}

/** Largest accepted size of a file of this format, in bytes. */
export function maxBytesFor(format: DocumentFormat): number {
  return isExtractedFormat(format) ? MAX_DOCUMENT_BYTES : MAX_INPUT_BYTES;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

/**
 * Why a file is refused from its name and size alone, before any of it is read; `undefined` when it may
 * be read. A name with an extension the app does not know (`photo.jpg`) is `unsupported`; a name without
 * one (`README`) is read as text (the decoder refuses binaries), within the text limit.
 *
 * @example
 * refusalBeforeReading('scan.pdf', 500 * 1024 * 1024)?.message;
 * // 'scan.pdf: the file is too large (500 MB; the limit for .pdf files is 100 MB)'
 */
export function refusalBeforeReading(name: string, size: number): IngestError | undefined {
  const known = formatFromName(name);
  const extension = /\.([^./]{1,16})$/.exec(name)?.[1];
  if (known === undefined && extension !== undefined) {
    return new IngestError(
      'unsupported',
      name,
      `.${extension} files are not supported (${ACCEPTED_EXTENSIONS.join(' ')})`,
    );
  }
  if (size === 0) return new IngestError('empty', name);
  const format = known ?? 'txt';
  const limit = maxBytesFor(format);
  if (size <= limit) return undefined;
  return new IngestError(
    'too-large',
    name,
    `the file is too large (${megabytes(size)}; the limit for .${format} files is ${megabytes(limit)})`,
    { bytes: size, limit },
  );
}
