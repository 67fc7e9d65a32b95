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
  /** Encoding detected when decoding, e.g. `utf-8`, `gb18030`, `big5`. */
  encoding: string;
  /** The cleaned text passages point into. */
  text: string;
  /** Per-step cleaning report. */
  report: CleaningStepReport[];
}
