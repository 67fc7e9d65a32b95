/**
 * Domain types shared by every layer. Pure data: no behaviour, no DOM.
 */

/** A passage: a slice of one document's cleaned text that fits the model's input. */
export interface Passage {
  /** Stable id: `${docId}#${index}`. */
  id: string;
  /** Id of the document the passage belongs to. */
  docId: string;
  /** Position of the passage within its document, from 0. */
  index: number;
  /** The passage text, exactly `cleanedText.slice(start, end)`. */
  text: string;
  /** Start offset (UTF-16 code units) into the document's cleaned text. */
  start: number;
  /** End offset (exclusive) into the document's cleaned text. */
  end: number;
  /** Token count by the BGE-zh WordPiece tokenizer, including [CLS] and [SEP]. */
  tokens: number;
  /** 1-based page the passage is on, for paged documents (PDF); a passage never spans two pages. */
  page?: number;
}

/** Where one page's text lies in a paged document's cleaned text. */
export interface PageSpan extends TextSpan {
  /** 1-based page number. */
  page: number;
}

/** What the cleaning pipeline removed, per named step. */
export interface CleaningStepReport {
  /** Step name shown to the user, e.g. `pinyin`. */
  step: string;
  /** How many pieces the step removed. */
  count: number;
  /** The removed text itself (possibly truncated for display by the UI). */
  removed: string[];
}

/** A document after decoding and cleaning. */
export interface CleanDocument {
  /** Stable id, derived from the content hash. */
  id: string;
  /** File name the document came from, e.g. `002_eef8f8e27b2a39d9.txt`. */
  source: string;
  /** Title extracted from the text. */
  title: string;
  /** Encoding detected when decoding, e.g. `utf-8`, `gb18030`, `big5`; for PDF, DOCX and EPUB the format. */
  encoding: string;
  /** The cleaned text passages point into. */
  text: string;
  /** Per-step cleaning report. */
  report: CleaningStepReport[];
  /** Author, editor and source lines removed from the text (`文 / 科基 · 來源 / 節點財經`), if any. */
  byline?: string;
  /** Mojibake that could not be repaired, as offsets into `text`; snippets should avoid these runs. */
  mojibake?: TextSpan[];
  /** Where each page's text lies in `text`, for paged documents (PDF), in page order; pages without text are absent. */
  pages?: PageSpan[];
}

/** A half-open range `[start, end)` of UTF-16 offsets into a text. */
export interface TextSpan {
  /** First offset in the range. */
  start: number;
  /** Offset just past the range. */
  end: number;
}

/** Where a stored document came from: the bundled corpus or a file the user added. */
export type DocumentOrigin = 'corpus' | 'user';

/** A document as stored on the device: the cleaned document plus what the library UI needs. */
export interface StoredDocument extends CleanDocument {
  /** Size of the original file in bytes. */
  size: number;
  /** Bundled corpus or user file. */
  origin: DocumentOrigin;
  /** Hidden from results and the library list, but kept (and its vectors kept). */
  hidden: boolean;
  /** The original decoded text, before cleaning, to show beside the cleaned text. */
  raw: string;
  /** When the document was stored, in milliseconds since the epoch. */
  addedAt: number;
}

/** What is known about the stored vectors of one embedding model. */
export interface IndexMeta {
  /** Model id, e.g. `Xenova/bge-small-zh-v1.5`. */
  modelId: string;
  /** Components per vector. */
  dims: number;
  /** Hash of the corpus (documents and passages) the vectors were computed for. */
  corpusHash: string;
  /** Passages embedded when the meta was written. */
  passageCount: number;
  /** True once every passage of `corpusHash` was embedded. */
  complete: boolean;
  /** When the meta was written, in milliseconds since the epoch. */
  updatedAt: number;
}
