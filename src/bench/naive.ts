/**
 * The naive dense search a first version would write: vectors as `number[]`, cosine similarity computed
 * per vector (norms included), every score kept and fully sorted.
 */

/** Cosine similarity of two equally long arrays. */
function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return dot / (Math.sqrt(normA) * Math.sqrt(normB));
}

/**
 * Indices of the `k` rows most similar to `query`, best first.
 *
 * @example
 * naiveTopK(rows, query, 10); // [42, 7, ...]
 */
export function naiveTopK(rows: readonly number[][], query: readonly number[], k: number): number[] {
  const scored = rows.map((row, index) => ({ index, score: cosine(row, query) }));
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, k).map((hit) => hit.index);
}

/**
 * Unpacks a row-major Float32Array into one `number[]` per row.
 *
 * @example
 * const rows = toRows(vectors, 512);
 */
export function toRows(vectors: Float32Array, dims: number): number[][] {
  const rows: number[][] = [];
  for (let offset = 0; offset < vectors.length; offset += dims) {
    rows.push(Array.from(vectors.subarray(offset, offset + dims)));
  }
  return rows;
}
