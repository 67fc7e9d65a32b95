/**
 * Shape checks shared by the vector functions. Errors carry the `vector:` prefix.
 */

/**
 * Throws unless `dims` is a positive integer.
 *
 * @example
 * checkDims(512);
 */
export function checkDims(dims: number): void {
  if (!Number.isInteger(dims) || dims <= 0)
    throw new RangeError(`vector: dims must be a positive integer, got ${dims}`);
}

/**
 * Number of `dims`-wide rows in a packed matrix; throws when the length is not a multiple of `dims`.
 *
 * @example
 * rowCount(new Float32Array(1024), 512); // 2
 */
export function rowCount(vectors: { readonly length: number }, dims: number): number {
  checkDims(dims);
  if (vectors.length % dims !== 0) {
    throw new RangeError(`vector: length ${vectors.length} is not a multiple of dims ${dims}`);
  }
  return vectors.length / dims;
}

/**
 * Throws unless the query has exactly `dims` components.
 *
 * @example
 * checkQuery(query, 512);
 */
export function checkQuery(query: Float32Array, dims: number): void {
  if (query.length !== dims) throw new RangeError(`vector: query has ${query.length} dims, expected ${dims}`);
}
