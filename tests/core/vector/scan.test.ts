import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dot, scanTopK, TopK } from '../../../src/core/vector';
import { naiveTopK } from './naive';
import { randomUnitVectors } from '../../../src/core/random';

/** A packed matrix of small integers (many exact ties), its dims and a query. */
const matrixAndQuery = fc
  .record({ rows: fc.integer({ min: 0, max: 60 }), dims: fc.integer({ min: 1, max: 11 }) })
  .chain(({ rows, dims }) =>
    fc.record({
      dims: fc.constant(dims),
      vectors: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: rows * dims, maxLength: rows * dims }),
      query: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: dims, maxLength: dims }),
      k: fc.integer({ min: 0, max: rows + 3 }),
    }),
  );

describe('dot', () => {
  it('matches a plain loop for every remainder of the 4-way unrolling, at offsets', () => {
    for (const dims of [1, 2, 3, 4, 5, 7, 8, 513]) {
      const a = randomUnitVectors(3, dims, dims);
      const b = randomUnitVectors(2, dims, dims + 100);
      let expected = 0;
      for (let i = 0; i < dims; i++) expected += a[2 * dims + i]! * b[dims + i]!;
      expect(dot(a, 2 * dims, b, dims, dims)).toBeCloseTo(expected, 12);
    }
  });
});

describe('scanTopK', () => {
  it('equals a full sort, ties broken by lower index (property)', () => {
    fc.assert(
      fc.property(matrixAndQuery, ({ dims, vectors, query, k }) => {
        const packed = Float32Array.from(vectors);
        const q = Float32Array.from(query);
        expect(scanTopK(packed, dims, q, k)).toEqual(naiveTopK(packed, dims, q, k));
      }),
      { numRuns: 300 },
    );
  });

  it('equals a full sort on random unit vectors', () => {
    const vectors = randomUnitVectors(1000, 64, 1);
    const query = randomUnitVectors(1, 64, 2);
    expect(scanTopK(vectors, 64, query, 25)).toEqual(naiveTopK(vectors, 64, query, 25));
  });

  it('ranks equal scores by lower index', () => {
    const vectors = Float32Array.of(1, 0, 0, 1, 1, 0, 1, 0);
    expect(scanTopK(vectors, 2, Float32Array.of(1, 0), 3).map((hit) => hit.index)).toEqual([0, 2, 3]);
  });

  it('scans only the given number of rows', () => {
    const vectors = Float32Array.of(0, 1, 0);
    expect(scanTopK(vectors, 1, Float32Array.of(1), 5, 2)).toEqual([
      { index: 1, score: 1 },
      { index: 0, score: 0 },
    ]);
  });

  it('rejects a query of the wrong size and a ragged matrix', () => {
    expect(() => scanTopK(new Float32Array(4), 2, new Float32Array(3), 1)).toThrow(
      'vector: query has 3 dims, expected 2',
    );
    expect(() => scanTopK(new Float32Array(5), 2, new Float32Array(2), 1)).toThrow(
      'vector: length 5 is not a multiple of dims 2',
    );
  });
});

describe('TopK', () => {
  it('keeps the best k of any offer order (property)', () => {
    const offersInAnyOrder = fc
      .array(fc.integer({ min: -5, max: 5 }), { maxLength: 80 })
      .map((scores) => scores.map((score, index) => ({ index, score })))
      .chain((offers) =>
        fc.tuple(fc.constant(offers), fc.shuffledSubarray(offers, { minLength: offers.length })),
      );
    fc.assert(
      fc.property(offersInAnyOrder, fc.integer({ min: 0, max: 20 }), ([offers, shuffled], k) => {
        const top = new TopK(k);
        for (const { index, score } of shuffled) top.offer(index, score);
        const expected = [...offers].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
        expect(top.results()).toEqual(expected);
      }),
    );
  });

  it('exposes the worst kept score as the threshold once full', () => {
    const top = new TopK(2);
    expect(top.threshold).toBe(-Infinity);
    top.offer(0, 0.3);
    top.offer(1, 0.9);
    top.offer(2, 0.5);
    expect(top.threshold).toBe(0.5);
    expect(top.size).toBe(2);
  });

  it('rejects a negative k', () => {
    expect(() => new TopK(-1)).toThrow('vector: k must be a non-negative integer, got -1');
  });
});
