/**
 * The few sentences of a passage worth reading first: the ones around its strongest highlights.
 */

/** A run of text, marked when it matches the query (the shape of the protocol's `TextSegment`). */
export interface MarkedText {
  /** The text. */
  text: string;
  /** Whether it matches the query. */
  hit: boolean;
}

/** The window chosen by {@link bestWindow}. */
export interface BestWindow {
  /** The window's text pieces, highlights kept. */
  segments: MarkedText[];
  /** Whether text of the passage comes before the window. */
  before: boolean;
  /** Whether text of the passage comes after the window. */
  after: boolean;
}

/** Options for {@link bestWindow}. */
export interface BestWindowOptions {
  /** Most sentences to show (3). */
  sentences?: number;
  /** A window longer than this many characters drops its weaker edge sentence, down to two (160). */
  maxChars?: number;
}

interface Range {
  start: number;
  end: number;
}

const sentenceSegmenter = new Intl.Segmenter('zh', { granularity: 'sentence' });

function hitChars(segments: readonly MarkedText[], range: Range): number {
  let offset = 0;
  let total = 0;
  for (const part of segments) {
    const end = offset + part.text.length;
    if (part.hit) total += Math.max(0, Math.min(end, range.end) - Math.max(offset, range.start));
    offset = end;
  }
  return total;
}

function slice(segments: readonly MarkedText[], range: Range): MarkedText[] {
  const out: MarkedText[] = [];
  let offset = 0;
  for (const part of segments) {
    const end = offset + part.text.length;
    const from = Math.max(offset, range.start);
    const to = Math.min(end, range.end);
    if (to > from) out.push({ text: part.text.slice(from - offset, to - offset), hit: part.hit });
    offset = end;
  }
  return out;
}

/**
 * Chooses the two or three consecutive sentences (split by `Intl.Segmenter`) holding the most highlighted
 * characters, preferring them in the middle of the window; ties go to the earliest, so a passage without
 * highlights opens at its start. A window longer
 * than `maxChars` drops whichever edge sentence has fewer highlights (the later one on a tie). A passage
 * of at most `sentences` sentences is its own window.
 *
 * @example
 * bestWindow([{ text: '甲。乙。丙。丁', hit: false }, { text: '开源', hit: true }, { text: '。戊。', hit: false }]);
 * // segments: 丙。丁开源。戊。 (the hit in the middle), before: true, after: false
 */
export function bestWindow(segments: readonly MarkedText[], options: BestWindowOptions = {}): BestWindow {
  const size = options.sentences ?? 3;
  const maxChars = options.maxChars ?? 160;
  const text = segments.map((part) => part.text).join('');
  const sentences: Range[] = Array.from(sentenceSegmenter.segment(text), (part) => ({
    start: part.index,
    end: part.index + part.segment.length,
  }));
  if (sentences.length <= size) return { segments: [...segments], before: false, after: false };

  const scores = sentences.map((range) => hitChars(segments, range));
  // Highlights count fully; on a tie, the window with them nearer its middle wins.
  const centred = (j: number) => 1 + Math.min(j, size - 1 - j) / size;
  let first = 0;
  let bestScore = -1;
  for (let i = 0; i + size <= sentences.length; i++) {
    const score = scores.slice(i, i + size).reduce((sum, value, j) => sum + value * centred(j), 0);
    if (score > bestScore) [first, bestScore] = [i, score];
  }
  let last = first + size - 1;
  const length = () => (sentences[last]?.end ?? 0) - (sentences[first]?.start ?? 0);
  while (last - first + 1 > 2 && length() > maxChars) {
    if ((scores[first] ?? 0) > (scores[last] ?? 0)) last--;
    else if ((scores[first] ?? 0) < (scores[last] ?? 0)) first++;
    else last--;
  }
  const range = { start: sentences[first]?.start ?? 0, end: sentences[last]?.end ?? text.length };
  return { segments: slice(segments, range), before: range.start > 0, after: range.end < text.length };
}
