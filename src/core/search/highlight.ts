/**
 * Where a query matches a passage, as spans of the ORIGINAL text, and how to render them as plain text
 * segments. Matching happens in normalised text (either script, any width, any case) and is mapped back.
 */
import { normalizeForMatch, normalizeWithOffsets } from '../text/script';
import type { TextSpan } from '../types';
import { latinWords, textRuns } from './tokenize';

/** A range of text: `[start, end)` in UTF-16 units (the core `TextSpan`). */
export type Span = TextSpan;

/** A piece of text to render, highlighted or not. */
export interface RenderSegment {
  /** The text of the piece. */
  text: string;
  /** Whether it is part of a match. */
  hit: boolean;
}

const LATIN_ALNUM = /^(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}]$/u;

function charClass(char: string | undefined): 'letter' | 'digit' | 'other' {
  if (char === undefined || !LATIN_ALNUM.test(char)) return 'other';
  return /\p{N}/u.test(char) ? 'digit' : 'letter';
}

/** Whether `text` has a word boundary between units `i - 1` and `i` (letter↔digit counts as one). */
function isBoundary(text: string, i: number): boolean {
  const before = charClass(text[i - 1]);
  return before === 'other' || before !== charClass(text[i]);
}

function occurrences(text: string, term: string): Span[] {
  const found: Span[] = [];
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    found.push({ start: at, end: at + term.length });
  }
  return found;
}

/**
 * Occurrences of a Latin word starting at a word boundary. Words with a letter and 3+ characters match
 * as prefixes, as in search (`ocr` → `OCRv5`), and take a plural `s`/`es` along; others must end at a
 * boundary too (`ai` does not light up inside `said`).
 */
function latinOccurrences(text: string, word: string): Span[] {
  const prefix = word.length >= 3 && /\p{L}/u.test(word);
  return occurrences(text, word).flatMap((span) => {
    if (!isBoundary(text, span.start)) return [];
    if (!prefix) return isBoundary(text, span.end) ? [span] : [];
    const plural = /^(?:e?s)(?![\p{L}\p{N}])/u.exec(text.slice(span.end, span.end + 3));
    return [{ start: span.start, end: span.end + (plural?.[0].length ?? 0) }];
  });
}

/** Sorts spans and merges those that overlap or touch. */
function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Spans of `text` matching the query, merged and sorted, in offsets of the original `text`. Both are
 * compared after {@link normalizeForMatch}, so a simplified query lights up traditional text and back.
 * CJK: every run of 2+ consecutive query characters found in the text (a lone character only when it is
 * the whole query, otherwise 的 and 是 would light up everywhere). Latin: the query's words and their
 * `-`-separated parts at word boundaries (see the search tokenizer). Punctuation is ignored.
 *
 * @example
 * highlightSpans('北京AI相關社會融資達440億元', '社会融资'); // [{ start: 6, end: 10 }]
 */
export function highlightSpans(text: string, query: string): Span[] {
  const runs = textRuns(normalizeForMatch(query));
  if (runs.length === 0 || text === '') return [];
  const mapped = normalizeWithOffsets(text);
  const lone = runs.length === 1;
  const found = runs.flatMap((run) => {
    if (run.kind === 'latin')
      return latinWords(run.text).flatMap((word) => latinOccurrences(mapped.text, word));
    const chars = Array.from(run.text);
    if (chars.length === 1) return lone ? occurrences(mapped.text, run.text) : [];
    return chars.slice(1).flatMap((char, i) => occurrences(mapped.text, `${chars[i] ?? ''}${char}`));
  });
  return mergeSpans(
    found.map(({ start, end }) => ({
      start: mapped.starts[start] ?? 0,
      end: mapped.ends[end - 1] ?? text.length,
    })),
  );
}

/**
 * Cuts `text` into consecutive segments, `hit` where a span covers it, for rendering as text nodes
 * (never HTML). Spans may be unsorted or overlap; parts outside the text are ignored.
 *
 * @example
 * segmentsForRender('開源模型', [{ start: 0, end: 2 }]);
 * // [{ text: '開源', hit: true }, { text: '模型', hit: false }]
 */
export function segmentsForRender(text: string, spans: readonly Span[]): RenderSegment[] {
  const clamped = spans
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(text.length, end) }))
    .filter(({ start, end }) => start < end);
  const segments: RenderSegment[] = [];
  let at = 0;
  for (const { start, end } of mergeSpans(clamped)) {
    if (start > at) segments.push({ text: text.slice(at, start), hit: false });
    segments.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false });
  return segments;
}
