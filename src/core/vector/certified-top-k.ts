/**
 * The exact top-k from approximate scores: the second half of the int8 search.
 */
import { TopK, type ScoredIndex } from './top-k';

/** What a certified search found, and how much exact work it took. */
export interface CertifiedResult {
  /** The exact top k, identical to an exact scan by `score`. */
  hits: ScoredIndex[];
  /** Rows re-scored exactly: the candidates, plus any the error bound could not rule out. */
  rescored: number;
}

/** Inputs of {@link certifiedTopK}. */
export interface CertifiedInput {
  /** Approximate score of every row. */
  approx: Float64Array;
  /** Largest possible |exact − approximate| score of a row (already widened for float rounding). */
  bound: (row: number) => number;
  /** The exact score of a row. */
  score: (row: number) => number;
  /** How many results. */
  k: number;
  /** Candidates re-scored first: `k * oversample` best approximations. */
  oversample: number;
}

/**
 * Re-scores the best approximations exactly, then every other row whose approximation plus its error bound
 * could still reach the k-th exact score, so the result equals the exact scan (same scores, same ties).
 *
 * @example
 * certifiedTopK({ approx, bound: (row) => bounds[row], score: (row) => rows.score(query, row), k: 10, oversample: 4 });
 */
export function certifiedTopK(input: CertifiedInput): CertifiedResult {
  const { approx, bound, score, k, oversample } = input;
  const rows = approx.length;
  const best = new TopK(Math.min(k, rows));
  if (best.k === 0) return { hits: [], rescored: 0 };
  const candidates = new TopK(Math.min(rows, Math.ceil(best.k * oversample)));
  for (let row = 0; row < rows; row++) {
    if (approx[row]! >= candidates.threshold) candidates.offer(row, approx[row]!);
  }
  const done = new Uint8Array(rows);
  for (const { index } of candidates.results()) {
    done[index] = 1;
    best.offer(index, score(index));
  }
  let rescored = candidates.size;
  for (let row = 0; row < rows; row++) {
    if (done[row] === 1 || approx[row]! + bound(row) < best.threshold) continue;
    best.offer(row, score(row));
    rescored++;
  }
  return { hits: best.results(), rescored };
}
