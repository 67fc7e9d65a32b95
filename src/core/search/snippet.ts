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
  /** Ranges to keep out of the window when the same hits can be shown without them (e.g. mojibake). */
  avoid?: readonly Span[];
}

const SENTENCE_END = /[。！？；!?;\n]/u;

function overlap(spans: readonly Span[], start: number, end: number): number {
  let total = 0;
  for (const span of spans) total += Math.max(0, Math.min(end, span.end) - Math.max(start, span.start));
  return total;
}

/**
 * Picks a window of at most `maxChars` units: the one covering the most highlighted text, then the one
 * overlapping `avoid` ranges least, preferring a hit about a quarter in so it has some context before it.
 * The start moves forward to a sentence start when that loses no hit, and never splits a surrogate pair.
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
  const avoid = options.avoid ?? [];
  const width = Math.max(0, Math.min(Math.floor(maxChars), text.length));
  const last = text.length - width;
  const clamp = (start: number): number => Math.max(0, Math.min(last, start));
  const lead = Math.floor(width / 4);
  const candidates = [
    ...spans.map((span) => clamp(span.start - lead)),
    ...avoid.flatMap((range) => [clamp(range.end), clamp(range.start - width)]),
    0,
  ];
  const score = (start: number): [number, number] => [
    overlap(spans, start, start + width),
    overlap(avoid, start, start + width),
  ];
  let best = 0;
  let [bestHits, bestBad] = score(0);
  for (const start of candidates) {
    const [hits, bad] = score(start);
    if (hits > bestHits || (hits === bestHits && bad < bestBad))
      [best, bestHits, bestBad] = [start, hits, bad];
  }
  if (best > 0) {
    const firstHit = Math.min(best + lead, ...spans.filter((s) => s.end > best).map((s) => s.start));
    for (let i = best; i < firstHit && i < last; i++) {
      if (!SENTENCE_END.test(text[i] ?? '')) continue;
      const [hits, bad] = score(i + 1);
      if (hits >= bestHits && bad <= bestBad) best = i + 1;
      break;
    }
  }
  const isTrailSurrogate = (i: number): boolean => (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  const start = isTrailSurrogate(best) ? best + 1 : best;
  const end = isTrailSurrogate(best + width) ? best + width - 1 : best + width;
  return {
    start,
    end,
    text: text.slice(start, end),
    spans: spans
      .filter((span) => span.end > start && span.start < end)
      .map((span) => ({ start: Math.max(span.start, start) - start, end: Math.min(span.end, end) - start })),
  };
}
