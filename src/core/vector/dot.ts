/**
 * Dot products over rows of packed matrices. Both loops are 4-way unrolled with independent
 * accumulators and allocate nothing, so they stay monomorphic and cheap in the scan hot loop.
 */

/**
 * Dot product of `dims` floats of `a` starting at `aOffset` with `dims` floats of `b` starting at `bOffset`.
 * Accumulates in float64. Bounds are the caller's job: reading past an end yields `NaN`.
 *
 * @example
 * // score of row 3 of a packed matrix against a query
 * const score = dot(matrix, 3 * dims, query, 0, dims);
 */
export function dot(
  a: Float32Array,
  aOffset: number,
  b: Float32Array,
  bOffset: number,
  dims: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const unrolled = dims - (dims % 4);
  let i = 0;
  for (; i < unrolled; i += 4) {
    const ai = aOffset + i;
    const bi = bOffset + i;
    s0 += a[ai]! * b[bi]!;
    s1 += a[ai + 1]! * b[bi + 1]!;
    s2 += a[ai + 2]! * b[bi + 2]!;
    s3 += a[ai + 3]! * b[bi + 3]!;
  }
  for (; i < dims; i++) s0 += a[aOffset + i]! * b[bOffset + i]!;
  return s0 + s1 + s2 + s3;
}

/**
 * Dot product of a float query (from index 0) with `dims` int8 codes starting at `codesOffset`.
 * Multiply by the row's scale to get the approximate float score.
 *
 * @example
 * const approx = scales[row] * dotInt8(query, codes, row * dims, dims);
 */
export function dotInt8(query: Float32Array, codes: Int8Array, codesOffset: number, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const unrolled = dims - (dims % 4);
  let i = 0;
  for (; i < unrolled; i += 4) {
    const ci = codesOffset + i;
    s0 += query[i]! * codes[ci]!;
    s1 += query[i + 1]! * codes[ci + 1]!;
    s2 += query[i + 2]! * codes[ci + 2]!;
    s3 += query[i + 3]! * codes[ci + 3]!;
  }
  for (; i < dims; i++) s0 += query[i]! * codes[codesOffset + i]!;
  return s0 + s1 + s2 + s3;
}
