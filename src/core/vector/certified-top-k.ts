/**
 * The exact top-k from approximate scores: the shared second half of every int8 search.
 */
import { dot } from './dot';
import { checkQuery } from './shape';
import { TopK, type ScoredIndex } from './top-k';

/** What a certified search found, and how much exact work it took. */
export interface CertifiedResult {
  /** The exact top k, identical to `scanTopK` on the float matrix. */
  hits: ScoredIndex[];
  /** Rows re-scored in float: the candidates, plus any the error bound could not rule out. */
  rescored: number;
}

/** Inputs of {@link certifiedTopK}. */
export interface CertifiedInput {
  /** Approximate score of every row. */
  approx: Float64Array;
  /** Largest possible |exact − approximate| score of a row (already widened for float rounding). */
  bound: (row: number) => number;
  /** The float rows, `approx.length × dims`. */
  exact: Float32Array;
  /** Components per row. */
  dims: number;
  /** The query. */
  query: Float32Array;
  /** How many results. */
  k: number;
  /** Candidates re-scored first: `k * oversample` best approximations. */
  oversample: number;
}

/**
 * Checks the arguments every int8 search shares: the query's length, enough float rows to re-score, and an
 * oversampling factor of at least 1. Throws a `RangeError` naming the problem.
 *
 * @example
 * checkInt8Search(query, exact, dims, rows, oversample);
 */
export function checkInt8Search(
  query: Float32Array,
  exact: Float32Array,
  dims: number,
  rows: number,
  oversample: number,
): void {
  checkQuery(query, dims);
  if (exact.length < rows * dims) throw new RangeError(`vector: float matrix has fewer than ${rows} rows`);
  if (!(oversample >= 1)) throw new RangeError(`vector: oversample must be at least 1, got ${oversample}`);
}

/**
 * Re-scores the best approximations exactly, then every other row whose approximation plus its error bound
 * could still reach the k-th exact score, so the result equals the exact scan (same scores, same ties).
 *
 * @example
 * certifiedTopK({ approx, bound: (row) => scales[row] * halfL1, exact, dims, query, k: 10, oversample: 4 });
 */
export function certifiedTopK(input: CertifiedInput): CertifiedResult {
  const { approx, bound, exact, dims, query, k, oversample } = input;
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
    best.offer(index, dot(exact, index * dims, query, 0, dims));
  }
  let rescored = candidates.size;
  for (let row = 0; row < rows; row++) {
    if (done[row] === 1 || approx[row]! + bound(row) < best.threshold) continue;
    best.offer(row, dot(exact, row * dims, query, 0, dims));
    rescored++;
  }
  return { hits: best.results(), rescored };
}
