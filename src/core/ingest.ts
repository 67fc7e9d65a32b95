/**
 * The ingestion entry point: bytes → decoded text → (HTML → text) → cleaned text → passages.
 */
import { chunkText, type ChunkOptions } from './chunk/chunk';
import { contentId } from './hash';
import { passageId } from './passage-id';
import { cleanText } from './text/clean';
import { decodeBytes, IngestError } from './text/decode';
import { htmlToText } from './text/html';
import type { TokenCounter } from './tokenize/bert-tokenizer';
import type { CleanDocument, Passage } from './types';

export { IngestError, MAX_INPUT_BYTES, type IngestErrorReason } from './text/decode';

/** Kinds of file the app reads. */
export type DocumentKind = 'txt' | 'md' | 'html';

/** A file to ingest. */
export interface IngestInput {
  /** Raw file content. */
  bytes: Uint8Array;
  /** File name, shown to the user and used in error messages. */
  source: string;
  /** File kind; by default taken from the extension of `source` (`.html`/`.htm`, `.md`, else text). */
  kind?: DocumentKind;
}

/** A document and its passages, ready to embed and store. */
export interface IngestedDocument {
  /** The cleaned document. */
  document: CleanDocument;
  /** Its passages, in order. */
  passages: Passage[];
  /** The decoded file text before cleaning (HTML source for HTML files), to show beside the cleaned text. */
  raw: string;
}

/**
 * Kind of a file from its name.
 *
 * @example
 * kindFromName('notes.HTM'); // 'html'
 */
export function kindFromName(source: string): DocumentKind {
  const extension = /\.([a-z0-9]+)$/i.exec(source)?.[1]?.toLowerCase();
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html';
  return extension === 'md' || extension === 'markdown' ? 'md' : 'txt';
}

/**
 * Decodes, cleans and chunks one file. The document id is the content hash of the cleaned text, so the
 * same article ingested twice, in any encoding, gets the same id; passage ids are `${docId}#${index}`.
 *
 * @throws {IngestError} when the file is empty, binary, too large or undecodable, or nothing is left after
 * cleaning (`empty`).
 * @example
 * const { document, passages } = await ingestDocument({ bytes, source: '001.txt' }, createTokenCounter(vocab));
 */
export async function ingestDocument(
  input: IngestInput,
  countTokens: TokenCounter,
  options?: ChunkOptions,
): Promise<IngestedDocument> {
  const decoded = decodeBytes(input.bytes, input.source);
  const kind = input.kind ?? kindFromName(input.source);
  const cleaned = cleanText(kind === 'html' ? htmlToText(decoded.text) : decoded.text);
  if (cleaned.text === '') throw new IngestError('empty', input.source, 'no text is left after cleaning');
  const id = await contentId(cleaned.text);
  const document: CleanDocument = {
    id,
    source: input.source,
    title: cleaned.title,
    encoding: decoded.encoding,
    text: cleaned.text,
    report: cleaned.report,
    mojibake: cleaned.mojibake,
  };
  if (cleaned.byline !== undefined) document.byline = cleaned.byline;
  const passages = chunkText(cleaned.text, countTokens, options).map((chunk, index) => ({
    id: passageId(id, index),
    docId: id,
    index,
    ...chunk,
  }));
  return { document, passages, raw: decoded.text };
}
