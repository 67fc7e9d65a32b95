/** The references the fast scans are checked against: score every row, sort everything. */
import { expect } from 'vitest';
import { dot, type QuantizedMatrix, type ScoredIndex } from '../../../src/core/vector';

/** Top k by a full sort: higher score first, equal scores by lower index. */
function sortedTopK(scores: number[], k: number): ScoredIndex[] {
  const all = scores.map((score, index) => ({ index, score }));
  all.sort((a, b) => b.score - a.score || a.index - b.index);
  return all.slice(0, k);
}

/** Top k of float rows by a full sort. */
export function naiveTopK(
  vectors: Float32Array,
  dims: number,
  query: Float32Array,
  k: number,
): ScoredIndex[] {
  const rows = vectors.length / dims;
  return sortedTopK(
    Array.from({ length: rows }, (_, row) => dot(vectors, row * dims, query, 0, dims)),
    k,
  );
}

/**
 * Top k of int8 rows as stored, written independently of the app's code: every component dequantised
 * (`scale * code`, exact in float64), a plain sequential dot product, a full sort.
 */
export function storedTopK(quantized: QuantizedMatrix, query: Float32Array, k: number): ScoredIndex[] {
  const { dims, rows, codes, scales } = quantized;
  const scores = Array.from({ length: rows }, (_, row) => {
    let sum = 0;
    for (let i = 0; i < dims; i++) sum += query[i]! * (scales[row]! * codes[row * dims + i]!);
    return sum;
  });
  return sortedTopK(scores, k);
}

/** The same rows in the same order, with scores equal up to float64 rounding of a different summation. */
export function expectSameHits(actual: readonly ScoredIndex[], expected: readonly ScoredIndex[]): void {
  expect(actual.map((hit) => hit.index)).toEqual(expected.map((hit) => hit.index));
  actual.forEach((hit, i) => {
    const want = expected[i]!.score;
    expect(Math.abs(hit.score - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
  });
}
