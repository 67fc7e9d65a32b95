/** The reference the fast scans are checked against: score every row, sort everything. */
import { dot, type ScoredIndex } from '../../../src/core/vector';

/** Top k by a full sort: higher score first, equal scores by lower index. */
export function naiveTopK(
  vectors: Float32Array,
  dims: number,
  query: Float32Array,
  k: number,
): ScoredIndex[] {
  const rows = vectors.length / dims;
  const all = Array.from({ length: rows }, (_, index) => ({
    index,
    score: dot(vectors, index * dims, query, 0, dims),
  }));
  all.sort((a, b) => b.score - a.score || a.index - b.index);
  return all.slice(0, k);
}
