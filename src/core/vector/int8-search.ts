import { certifiedTopK, checkInt8Search, type CertifiedResult } from './certified-top-k';
import { dotInt8 } from './dot';
import type { QuantizedMatrix } from './quantize';

/** Options of {@link searchInt8}. */
export interface Int8SearchOptions {
  /** The int8 scan keeps `k * oversample` candidates for exact re-scoring. Default 4. */
  oversample?: number;
}

/** What {@link searchInt8} found, and how much exact work it took. */
export type Int8SearchResult = CertifiedResult;

/** Default candidate multiplier; on random unit vectors (2,000 × 512) it never needs extra re-scoring. */
export const DEFAULT_OVERSAMPLE = 4;

/**
 * Top-k by dot product using the int8 matrix for the scan and the float matrix only for re-scoring.
 *
 * 1. Int8 scan: approximate score `scale * (query · codes)` of every row; keep the best `k * oversample`.
 * 2. Re-score those candidates exactly in float and keep the best k.
 * 3. Certify: a row's exact score differs from its approximation by at most `scale / 2 * ‖query‖₁`.
 *    Any other row whose approximation plus that bound reaches the current k-th exact score is
 *    re-scored too. So the result always equals the exact scan (same ties, lower index first);
 *    `oversample` only decides how much work step 3 has left.
 *
 * `quantized` must be `quantizeInt8(exact, dims)` of the same rows.
 *
 * @example
 * const q = quantizeInt8(vectors, 512);
 * const { hits } = searchInt8(q, vectors, query, 10); // same as scanTopK(vectors, 512, query, 10)
 */
export function searchInt8(
  quantized: QuantizedMatrix,
  exact: Float32Array,
  query: Float32Array,
  k: number,
  options: Int8SearchOptions = {},
): Int8SearchResult {
  const { dims, rows, codes, scales } = quantized;
  const oversample = options.oversample ?? DEFAULT_OVERSAMPLE;
  checkInt8Search(query, exact, dims, rows, oversample);
  const approx = new Float64Array(rows);
  for (let row = 0, offset = 0; row < rows; row++, offset += dims) {
    approx[row] = scales[row]! * dotInt8(query, codes, offset, dims);
  }
  // The error bound, widened slightly so float rounding in the two dot products cannot defeat it.
  const halfNorm1 = 0.5 * l1norm(query) * (1 + 1e-6);
  return certifiedTopK({
    approx,
    bound: (row) => scales[row]! * halfNorm1 + 1e-9,
    exact,
    dims,
    query,
    k,
    oversample,
  });
}

/** Sum of absolute components. */
function l1norm(v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += Math.abs(v[i]!);
  return sum;
}
