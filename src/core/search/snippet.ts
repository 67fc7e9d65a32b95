/**
 * Choosing the part of a passage to show in a result list.
 */
import type { Span } from './highlight';

/** A window of a text, with the highlight spans that fall inside it. */
export interface Snippet {
  /** Start of the window in the text. */
  start: number;
  /** End of the window (exclusive). */
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** Highlight spans clipped to the window, relative to `start` (ready for `segmentsForRender`). */
  spans: Span[];
}

/** Options for {@link snippet}. */
export interface SnippetOptions {
  /**
   * Ranges to keep out of the window when the same hits can be shown without them, e.g. a document's
   * unrepaired mojibake. Same coordinates as the text (for a passage: document offsets − `passage.start`).
   */
  avoid?: readonly Span[];
}

const SENTENCE_END = /[。！？；!?;\n]/u;
const LATIN_WORD_CHAR = /^(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}]$/u;

function overlap(spans: readonly Span[], start: number, end: number): number {
  let total = 0;
  for (const span of spans) total += Math.max(0, Math.min(end, span.end) - Math.max(start, span.start));
  return total;
}

/** The start covering the most highlighted text, then the least avoided text; see {@link snippet}. */
function bestStart(text: string, spans: readonly Span[], avoid: readonly Span[], width: number): number {
  const last = text.length - width;
  const clamp = (start: number): number => Math.max(0, Math.min(last, start));
  const lead = Math.floor(width / 4);
  const score = (start: number): [number, number] => [
    overlap(spans, start, start + width),
    overlap(avoid, start, start + width),
  ];
  const candidates = [
    ...spans.map((span) => clamp(span.start - lead)),
    ...avoid.flatMap((range) => [clamp(range.end), clamp(range.start - width)]),
  ];
  let best = 0;
  let [bestHits, bestBad] = score(0);
  for (const start of candidates) {
    const [hits, bad] = score(start);
    if (hits > bestHits || (hits === bestHits && bad < bestBad))
      [best, bestHits, bestBad] = [start, hits, bad];
  }
  if (best === 0) return 0;
  const firstHit = Math.min(best + lead, ...spans.filter((s) => s.end > best).map((s) => s.start));
  for (let i = best; i < firstHit && i < last; i++) {
    if (!SENTENCE_END.test(text[i] ?? '')) continue;
    let next = i + 1;
    while (next < firstHit && next < last && /\s/u.test(text[next] ?? '')) next++;
    const [hits, bad] = score(next);
    return hits >= bestHits && bad <= bestBad ? next : best;
  }
  return best;
}

/**
 * Picks a window of at most `maxChars` units: the one covering the most highlighted text, then the one
 * overlapping `avoid` ranges least, with about a quarter of the window as context before the first hit.
 * The window then moves to a sentence start when that loses no hit, and is trimmed so that it splits no
 * highlight, Latin word or surrogate pair and has no white space at its edges.
 *
 * @example
 * const s = snippet(passage.text, highlightSpans(passage.text, query), 120);
 * render(segmentsForRender(s.text, s.spans), s.start > 0, s.end < passage.text.length);
 */
export function snippet(
  text: string,
  spans: readonly Span[],
  maxChars: number,
  options: SnippetOptions = {},
): Snippet {
  const width = Math.max(0, Math.min(Math.floor(maxChars), text.length));
  let start = bestStart(text, spans, options.avoid ?? [], width);
  let end = start + width;
  const inWord = (i: number): boolean =>
    LATIN_WORD_CHAR.test(text[i - 1] ?? '') && LATIN_WORD_CHAR.test(text[i] ?? '');
  const cutFirst = spans.find((s) => s.start < start && start < s.end);
  if (cutFirst !== undefined) {
    start = cutFirst.start;
    end = start + width;
  }
  while (start < end && (inWord(start) || /\s/u.test(text[start] ?? ''))) start++;
  const cutLast = spans.find((s) => s.start < end && end < s.end && s.start > start);
  if (cutLast !== undefined) end = cutLast.start;
  let wordStart = end;
  while (inWord(wordStart) && wordStart > start) wordStart--;
  if (wordStart > start + width / 2) end = wordStart;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  if ((text.charCodeAt(start) & 0xfc00) === 0xdc00) start++;
  if ((text.charCodeAt(end) & 0xfc00) === 0xdc00) end--;
  return {
    start,
    end,
    text: text.slice(start, end),
    spans: spans
      .filter((span) => span.end > start && span.start < end)
      .map((span) => ({ start: Math.max(span.start, start) - start, end: Math.min(span.end, end) - start })),
  };
}
