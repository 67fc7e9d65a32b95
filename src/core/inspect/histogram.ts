/**
 * A histogram of scores, for the inspector's view of how every passage scored against the query.
 */

/** Equal-width bins over `[min, max]`. */
export interface Histogram {
  /** Lower edge of the first bin. */
  min: number;
  /** Upper edge of the last bin. */
  max: number;
  /** Count per bin. */
  counts: number[];
}

/**
 * Counts scores into `bins` equal-width bins between the lowest and highest score (the highest falls in the
 * last bin). No scores: all bins empty over [0, 0].
 *
 * @example
 * histogram(Float32Array.of(0.1, 0.2, 0.9), 2); // { min: 0.1, max: 0.9, counts: [2, 1] }
 */
export function histogram(scores: ArrayLike<number>, bins: number): Histogram {
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error(`histogram: bins must be an integer ≥ 1, got ${bins}`);
  const counts = new Array<number>(bins).fill(0);
  if (scores.length === 0) return { min: 0, max: 0, counts };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    min = Math.min(min, scores[i]!);
    max = Math.max(max, scores[i]!);
  }
  const hist = { min, max, counts };
  for (let i = 0; i < scores.length; i++) counts[binOf(hist, scores[i]!)]! += 1;
  return hist;
}

/**
 * The bin a score falls in, for marking the top hits on the histogram.
 *
 * @example
 * binOf({ min: 0, max: 1, counts: [0, 0] }, 0.7); // 1
 */
export function binOf(hist: Histogram, score: number): number {
  const bins = hist.counts.length;
  const width = (hist.max - hist.min) / bins || 1;
  return Math.max(0, Math.min(bins - 1, Math.floor((score - hist.min) / width)));
}
