/**
 * The ingestion entry point: bytes → decoded text → (HTML → text) → cleaned text → passages. Extracted
 * documents (PDF pages, EPUB chapters, a DOCX body) enter after decoding, as sections no passage crosses.
 */
import { chunkText, type ChunkOptions } from './chunk/chunk';
import { formatFromName } from './formats';
import { contentId } from './hash';
import { passageId } from './passage-id';
import { cleanText, type CleanedText } from './text/clean';
import { extractTitle } from './text/clean/title';
import { decodeBytes, IngestError } from './text/decode';
import { htmlToText } from './text/html';
import type { TokenCounter } from './tokenize/bert-tokenizer';
import type { CleanDocument, CleaningStepReport, PageSpan, Passage, TextSpan } from './types';

export { IngestError, MAX_INPUT_BYTES, type IngestErrorReason } from './text/decode';

/** Kinds of text file the text decoder reads. */
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

/** A stretch of a document that no passage crosses: a PDF page, an EPUB chapter, a whole text. */
export interface DocumentSection {
  /** The section's text, one paragraph per line (headings are lines of their own). */
  text: string;
  /** 1-based page number, for paged documents (PDF). */
  page?: number;
}

/** A document as sections, with what the reader of the per-document report is told about its origin. */
export interface SectionedDocument {
  /** File name. */
  source: string;
  /** Text encoding (`utf-8`, `gb18030`, …) or, for extracted files, the format (`pdf`, `docx`, `epub`). */
  encoding: string;
  /** The sections, in reading order. */
  sections: DocumentSection[];
  /** The text before cleaning, shown beside the cleaned text. */
  raw: string;
  /** Title from the file's own metadata, preferred to one guessed from the text. */
  title?: string;
}

/**
 * Kind of a file from its name.
 *
 * @example
 * kindFromName('notes.HTM'); // 'html'
 */
export function kindFromName(source: string): DocumentKind {
  const format = formatFromName(source);
  return format === 'html' || format === 'md' ? format : 'txt';
}

/**
 * Decodes, cleans and chunks one text file. The document id is the content hash of the cleaned text, so
 * the same article ingested twice, in any encoding, gets the same id; passage ids are `${docId}#${index}`.
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
  const text = kind === 'html' ? htmlToText(decoded.text) : decoded.text;
  return ingestSections(
    { source: input.source, encoding: decoded.encoding, sections: [{ text }], raw: decoded.text },
    countTokens,
    options,
  );
}

interface PlacedSection {
  cleaned: CleanedText;
  start: number;
  page: number | undefined;
}

/** Cleans every section and places the non-empty ones one line apart in the document text. */
function placeSections(sections: DocumentSection[]): PlacedSection[] {
  const placed: PlacedSection[] = [];
  let offset = 0;
  for (const section of sections) {
    const cleaned = cleanText(section.text);
    if (cleaned.text === '') continue;
    placed.push({ cleaned, start: offset, page: section.page });
    offset += cleaned.text.length + 1;
  }
  return placed;
}

/** Sums the per-step reports of every section. */
function mergeReports(reports: CleaningStepReport[][]): CleaningStepReport[] {
  return (reports[0] ?? []).map((first, step) => {
    const removed = reports.flatMap((report) => report[step]?.removed ?? []);
    return { step: first.step, count: removed.length, removed };
  });
}

function shift(span: TextSpan, by: number): TextSpan {
  return { start: span.start + by, end: span.end + by };
}

/**
 * Cleans each section, joins them with line breaks into the document text and chunks each section on
 * its own, so a passage never spans two pages or chapters; passages of paged sections carry their
 * `page`, and the document lists where each page's text lies (`pages`). Ids as in {@link ingestDocument}.
 *
 * @throws {IngestError} `empty` when no section has text left after cleaning.
 * @example
 * const { passages } = await ingestSections({ source: 'a.pdf', encoding: 'pdf', raw, sections: [{ text: '第一页。', page: 1 }] }, count);
 * passages[0].page; // 1
 */
export async function ingestSections(
  input: SectionedDocument,
  countTokens: TokenCounter,
  options?: ChunkOptions,
): Promise<IngestedDocument> {
  const placed = placeSections(input.sections);
  if (placed.length === 0) throw new IngestError('empty', input.source, 'no text is left after cleaning');
  const text = placed.map((section) => section.cleaned.text).join('\n');
  const id = await contentId(text);
  const document: CleanDocument = {
    id,
    source: input.source,
    title: input.title ?? extractTitle(text),
    encoding: input.encoding,
    text,
    report: mergeReports(placed.map((section) => section.cleaned.report)),
    mojibake: placed.flatMap((section) => section.cleaned.mojibake.map((span) => shift(span, section.start))),
  };
  const bylines = placed.flatMap((section) => section.cleaned.byline ?? []);
  if (bylines.length > 0) document.byline = bylines.join(' · ');
  const pages: PageSpan[] = placed.flatMap(({ page, start, cleaned }) =>
    page === undefined ? [] : [{ page, start, end: start + cleaned.text.length }],
  );
  if (pages.length > 0) document.pages = pages;
  const passages: Passage[] = [];
  for (const { cleaned, start, page } of placed) {
    for (const chunk of chunkText(cleaned.text, countTokens, options)) {
      const index = passages.length;
      const passage: Passage = {
        id: passageId(id, index),
        docId: id,
        index,
        ...chunk,
        ...shift(chunk, start),
      };
      if (page !== undefined) passage.page = page;
      passages.push(passage);
    }
  }
  return { document, passages, raw: input.raw };
}
