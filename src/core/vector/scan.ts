import { dot } from './dot';
import { checkDims, checkQuery, rowCount } from './shape';
import { TopK, type ScoredIndex } from './top-k';

/**
 * Exact top-k by dot product over the first `rows` rows of a packed row-major matrix
 * (`rows * dims` floats). With pre-normalised rows and query this is cosine similarity.
 * Results are best first; equal scores rank the lower row index first.
 *
 * @example
 * const hits = scanTopK(vectors, 512, query, 10); // [{ index: 42, score: 0.83 }, ...]
 */
export function scanTopK(
  vectors: Float32Array,
  dims: number,
  query: Float32Array,
  k: number,
  rows: number = rowCount(vectors, dims),
): ScoredIndex[] {
  checkDims(dims);
  checkQuery(query, dims);
  if (rows * dims > vectors.length) {
    throw new RangeError(`vector: ${rows} rows of ${dims} need ${rows * dims} floats, got ${vectors.length}`);
  }
  const top = new TopK(Math.min(k, rows));
  if (top.k === 0) return [];
  for (let row = 0, offset = 0; row < rows; row++, offset += dims) {
    const score = dot(vectors, offset, query, 0, dims);
    if (score >= top.threshold) top.offer(row, score);
  }
  return top.results();
}
