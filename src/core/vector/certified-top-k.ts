/**
 * The exact top-k from the int8 scan's integer dot products: the second half of the certified search.
 * Plain loops over typed arrays (no per-row allocation or call) because they run over every row.
 */
import { TopK, type ScoredIndex } from './top-k';

/** What a certified search found, and how much exact work it took. */
export interface CertifiedResult {
  /** The exact top k, identical to an exact scan by `score`. */
  hits: ScoredIndex[];
  /** Rows re-scored exactly: the candidates, plus any the error bound could not rule out. */
  rescored: number;
}

/** Inputs of {@link certifiedTopK}, one entry per row in each array. */
export interface CertifiedInput {
  /** Integer dot product of the query's codes with the row's codes (the kernel's output). */
  dots: Int32Array;
  /** The row's scale. */
  scales: Float32Array;
  /** The row's Σ|codes|. */
  codeL1: Int32Array;
  /** The query's scale: its approximation is `queryScale · codes`, within `queryScale / 2` per component. */
  queryScale: number;
  /** The exact score of a row. */
  score: (row: number) => number;
  /** How many results. */
  k: number;
  /** Candidates re-scored first: `k * oversample` best approximations. */
  oversample: number;
}

/**
 * Approximates every row as `s_r · s_q · dots_r`, re-scores the best `k * oversample` exactly, then every
 * other row whose approximation plus its error bound `(s_q / 2) · s_r · ‖c_r‖₁` (widened for float
 * rounding) could still reach the k-th exact score, so the result equals the exact scan (same scores, same
 * ties).
 *
 * @example
 * certifiedTopK({ dots, scales, codeL1, queryScale, score: (row) => rows.score(query, row), k: 10, oversample: 4 });
 */
export function certifiedTopK(input: CertifiedInput): CertifiedResult {
  const { dots, scales, codeL1, queryScale, score, k, oversample } = input;
  const rows = dots.length;
  const best = new TopK(Math.min(k, rows));
  if (best.k === 0) return { hits: [], rescored: 0 };
  // Ranked by s_r · dots_r: the approximation divided by the query's scale (≥ 0), same order.
  const candidates = new TopK(Math.min(rows, Math.ceil(best.k * oversample)));
  let floor = candidates.threshold;
  for (let row = 0; row < rows; row++) {
    const approx = scales[row]! * dots[row]!;
    if (approx < floor) continue;
    candidates.offer(row, approx);
    floor = candidates.threshold;
  }
  const done = new Set<number>();
  for (const { index } of candidates.results()) {
    done.add(index);
    best.offer(index, score(index));
  }
  let rescored = candidates.size;
  const halfScale = 0.5 * queryScale * (1 + 1e-6);
  const slack = 1e-9;
  let bar = best.threshold - slack;
  for (let row = 0; row < rows; row++) {
    // approximation + bound = s_r · (s_q · dots_r + (s_q / 2) · ‖c_r‖₁); below the k-th exact score: ruled out
    if (scales[row]! * (queryScale * dots[row]! + halfScale * codeL1[row]!) < bar || done.has(row)) continue;
    best.offer(row, score(row));
    rescored++;
    bar = best.threshold - slack;
  }
  return { hits: best.results(), rescored };
}
