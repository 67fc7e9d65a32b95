/**
 * Cuts a sentence that alone exceeds the model's limit into the largest pieces that fit.
 */
import type { TextSpan } from '../types';

/** What {@link splitOversized} needs to know. */
export interface SplitLimits {
  /** Token counter, [CLS] and [SEP] included. */
  countTokens: (s: string) => number;
  /** Most tokens per piece (≥ 3). */
  limit: number;
  /** Most UTF-16 units per piece (≥ 2). */
  maxChars: number;
  /** Token count of the whole span, already known to the caller; sets the first guess of each cut. */
  spanTokens: number;
}

/** Candidate cut positions in `[from, to)`, coarsest kind first. */
const CUT_LEVELS: ReadonlyArray<(text: string, from: number, to: number) => number[]> = [
  // after clause punctuation
  (text, from, to) => Array.from(text.slice(from, to).matchAll(/[，,、：:]/g), (m) => from + m.index + 1),
  // before whitespace
  (text, from, to) => Array.from(text.slice(from, to).matchAll(/\s/g), (m) => from + m.index),
  // between characters
  (text, from, to) => {
    const cuts: number[] = [];
    for (let end = from + 1; end <= to; end++) if (isBoundary(text, end)) cuts.push(end);
    return cuts;
  },
];

/** False only inside a UTF-16 surrogate pair. */
function isBoundary(text: string, end: number): boolean {
  return !(/[\ud800-\udbff]/.test(text[end - 1] ?? '') && /[\udc00-\udfff]/.test(text[end] ?? ''));
}

/**
 * The largest cut whose prefix fits, or -1. Prefix token counts grow with length, so: cuts up to
 * `safeEnd` fit without counting (a UTF-16 unit adds at most one token), one probe at the guess, a
 * gallop toward the boundary, then bisection. A handful of counts per piece.
 */
function largestFitting(
  cuts: readonly number[],
  fits: (end: number) => boolean,
  safeEnd: number,
  guess: number,
) {
  const at = (i: number): number => cuts[i] ?? 0;
  let good = -1;
  let bad = cuts.length;
  while (good + 1 < bad && at(good + 1) <= safeEnd) good++;
  let probe = good + 1;
  while (probe + 1 < bad && at(probe + 1) <= guess) probe++;
  if (probe < bad) {
    if (fits(at(probe))) {
      good = probe;
      for (let step = 1; good + step < bad; step *= 2) {
        if (!fits(at(good + step))) bad = good + step;
        else good += step;
      }
    } else {
      bad = probe;
      for (let step = 1; bad - step > good; step *= 2) {
        if (fits(at(bad - step))) good = bad - step;
        else bad -= step;
      }
    }
  }
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (fits(at(mid))) good = mid;
    else bad = mid;
  }
  return good >= 0 ? at(good) : -1;
}

/**
 * Splits `span` of `text` into consecutive trimmed pieces of at most `limit` tokens and `maxChars`
 * UTF-16 units each: at the last fitting clause mark (`，,、：:`), else before the last fitting space,
 * else after the last fitting character (never inside a surrogate pair).
 *
 * @example
 * const countTokens = (s: string) => s.length + 2;
 * splitOversized('一二三，四五六', { start: 0, end: 7 }, { countTokens, limit: 6, maxChars: 100, spanTokens: 9 });
 * // [{ start: 0, end: 4 }, { start: 4, end: 7 }]
 */
export function splitOversized(text: string, span: TextSpan, limits: SplitLimits): TextSpan[] {
  const { countTokens, limit, maxChars } = limits;
  const charsPerToken = (span.end - span.start) / Math.max(1, limits.spanTokens - 2);
  const pieces: TextSpan[] = [];
  let from = span.start;
  while (from < span.end) {
    const start = from;
    const fitting = new Set<number>();
    const fits = (end: number): boolean => {
      const ok = end - start <= maxChars && countTokens(text.slice(start, end)) <= limit;
      if (ok) fitting.add(end);
      return ok;
    };
    let windowEnd = Math.min(span.end, start + maxChars);
    if (!isBoundary(text, windowEnd)) windowEnd--;
    const guess = start + Math.floor((limit - 2) * charsPerToken);
    const cut = (safeEnd: number): number => {
      let end = fits(span.end) ? span.end : -1;
      for (const level of CUT_LEVELS) {
        if (end < 0) end = largestFitting(level(text, start, windowEnd), fits, safeEnd, guess);
      }
      return end;
    };
    let end = cut(start + limit - 2);
    // The counter is trusted for the result only: an uncounted "safe" cut is checked, and on surprise redone.
    if (!fitting.has(end) && !fits(end)) end = cut(start);
    let pieceEnd = end;
    while (pieceEnd > start && /\s/.test(text[pieceEnd - 1] ?? '')) pieceEnd--;
    if (pieceEnd > start) pieces.push({ start, end: pieceEnd });
    from = end;
    while (from < span.end && /\s/.test(text[from] ?? '')) from++;
  }
  return pieces;
}
