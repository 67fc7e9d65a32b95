/**
 * Cuts a sentence that alone exceeds the model's limit into the largest pieces that fit.
 */
import type { TextSpan } from '../types';

/** Where to cut, coarsest first: after clause punctuation, then before whitespace. */
const CUT_LEVELS: ReadonlyArray<{ separator: RegExp; after: boolean }> = [
  { separator: /[，,、：:]/g, after: true },
  { separator: /\s/g, after: false },
];

type Fits = (end: number) => boolean;

/** `end`, or one unit less when `end` would split a UTF-16 surrogate pair. */
function snapToCharacter(text: string, end: number): number {
  const splitsPair = /[\ud800-\udbff]/.test(text[end - 1] ?? '') && /[\udc00-\udfff]/.test(text[end] ?? '');
  return splitsPair ? end - 1 : end;
}

/** The last separator cut whose prefix fits (bisection: prefix tokens grow with length), or -1. */
function separatorCut(
  text: string,
  from: number,
  windowEnd: number,
  level: (typeof CUT_LEVELS)[number],
  fits: Fits,
) {
  const cuts = Array.from(
    text.slice(from, windowEnd).matchAll(level.separator),
    (m) => from + m.index + (level.after ? 1 : 0),
  ).filter((cut) => cut > from);
  let lo = 0;
  let hi = cuts.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cut = cuts[mid] ?? from;
    if (fits(cut)) {
      best = cut;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * The last character cut whose prefix fits. Every UTF-16 unit adds at most one token, so `limit - 2`
 * units always fit: gallop up from there, then bisect. Never cuts inside a surrogate pair.
 */
function characterCut(text: string, from: number, windowEnd: number, limit: number, fits: Fits): number {
  const snap = (end: number): number => snapToCharacter(text, end);
  let good = snap(Math.min(windowEnd, from + limit - 2));
  if (good <= from) good = Math.min(windowEnd, from + 2);
  let bad = windowEnd + 1;
  for (let step = 2; good < windowEnd && bad > windowEnd; step *= 2) {
    // Steps of 2+ units, and `windowEnd` is a character boundary: the probe always moves past `good`.
    const probe = snap(Math.min(windowEnd, good + step));
    if (fits(probe)) good = probe;
    else bad = probe;
  }
  for (let mid = snap((good + bad) >> 1); mid > good && mid < bad; mid = snap((good + bad) >> 1)) {
    if (fits(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/**
 * Splits `span` of `text` into consecutive trimmed pieces of at most `limit` tokens (by `countTokens`,
 * [CLS]/[SEP] included; `limit` ≥ 3) and `maxChars` characters each: at the last fitting clause mark
 * (`，,、：:`), else before the last fitting space, else after the last fitting character.
 *
 * @example
 * splitOversized('一二三，四五六', { start: 0, end: 7 }, (s) => s.length + 2, 6, 100); // [0,4) and [4,7)
 */
export function splitOversized(
  text: string,
  span: TextSpan,
  countTokens: (s: string) => number,
  limit: number,
  maxChars: number,
): TextSpan[] {
  const pieces: TextSpan[] = [];
  let from = span.start;
  while (from < span.end) {
    const start = from;
    const fits: Fits = (end) => end - start <= maxChars && countTokens(text.slice(start, end)) <= limit;
    const windowEnd = snapToCharacter(text, Math.min(span.end, start + maxChars));
    let end = fits(span.end) ? span.end : -1;
    for (const level of CUT_LEVELS) if (end < 0) end = separatorCut(text, start, windowEnd, level, fits);
    if (end < 0) end = characterCut(text, start, windowEnd, limit, fits);
    let pieceEnd = end;
    while (pieceEnd > start && /\s/.test(text[pieceEnd - 1] ?? '')) pieceEnd--;
    if (pieceEnd > start) pieces.push({ start, end: pieceEnd });
    from = end;
    while (from < span.end && /\s/.test(text[from] ?? '')) from++;
  }
  return pieces;
}
