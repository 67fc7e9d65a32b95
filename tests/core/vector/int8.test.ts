import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OVERSAMPLE, quantizeInt8, scanTopK, searchInt8 } from '../../../src/core/vector';
import { randomUnitVectors } from '../../../src/core/random';

describe('quantizeInt8', () => {
  it('uses max|x| / 127 per row and stays within half a scale of every component', () => {
    const vectors = randomUnitVectors(20, 64, 7);
    const { codes, scales, rows } = quantizeInt8(vectors, 64);
    expect(rows).toBe(20);
    for (let row = 0; row < rows; row++) {
      const slice = vectors.subarray(row * 64, (row + 1) * 64);
      const max = Math.max(...Array.from(slice, Math.abs));
      expect(scales[row]).toBeCloseTo(max / 127, 7);
      slice.forEach((x, i) => {
        expect(Math.abs(x - scales[row]! * codes[row * 64 + i]!)).toBeLessThanOrEqual(
          scales[row]! / 2 + 1e-9,
        );
      });
    }
  });

  it('maps an all-zero row to scale 0', () => {
    expect(quantizeInt8(new Float32Array(4), 2).scales).toEqual(new Float32Array(2));
  });
});

describe('searchInt8', () => {
  const rows = 2000;
  const dims = 512;
  const vectors = randomUnitVectors(rows, dims, 11);
  const quantized = quantizeInt8(vectors, dims);

  it('returns the exact top 10 on 2,000 × 512 random unit vectors without extra re-scoring', () => {
    for (let seed = 0; seed < 25; seed++) {
      const query = randomUnitVectors(1, dims, 1000 + seed);
      const { hits, rescored } = searchInt8(quantized, vectors, query, 10);
      expect(hits).toEqual(scanTopK(vectors, dims, query, 10));
      expect(rescored).toBe(10 * DEFAULT_OVERSAMPLE);
    }
  });

  it('returns the exact top 10 for queries near stored rows (a clear winner, then a crowd)', () => {
    const noise = randomUnitVectors(5, dims, 99);
    for (let q = 0; q < 5; q++) {
      const query = Float32Array.from(
        vectors.subarray(q * 97 * dims, (q * 97 + 1) * dims),
        (x, i) => x + 0.1 * noise[q * dims + i]!,
      );
      expect(searchInt8(quantized, vectors, query, 10).hits).toEqual(scanTopK(vectors, dims, query, 10));
    }
  });

  it('equals the exact scan even with near-ties and oversample 1 (property)', () => {
    const nearTies = fc
      .record({
        rows: fc.integer({ min: 1, max: 80 }),
        dims: fc.integer({ min: 1, max: 9 }),
        seed: fc.integer(),
      })
      .chain(({ rows, dims, seed }) =>
        fc.record({
          dims: fc.constant(dims),
          base: fc.constant(randomUnitVectors(rows, dims, seed)),
          query: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: dims, maxLength: dims }),
          // every row copies one of the first four rows plus a tiny (or no) perturbation:
          // many scores tie or lie within quantisation error of each other
          copies: fc.array(fc.nat({ max: 3 }), { minLength: rows, maxLength: rows }),
          jitter: fc.constantFrom(0, 1e-4, 1e-3),
          k: fc.integer({ min: 0, max: rows + 2 }),
          oversample: fc.constantFrom(1, 1.5, 4),
        }),
      );
    fc.assert(
      fc.property(nearTies, ({ dims, base, query, copies, jitter, k, oversample }) => {
        const rows = base.length / dims;
        const vectors = Float32Array.from(base, (x, i) => {
          const source = copies[Math.floor(i / dims)]! % rows;
          return base[source * dims + (i % dims)]! + jitter * x;
        });
        const q = Float32Array.from(query);
        const { hits } = searchInt8(quantizeInt8(vectors, dims), vectors, q, k, { oversample });
        expect(hits).toEqual(scanTopK(vectors, dims, q, k));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects an oversample below 1', () => {
    expect(() => searchInt8(quantized, vectors, new Float32Array(dims), 10, { oversample: 0.5 })).toThrow(
      'vector: oversample must be at least 1, got 0.5',
    );
  });
});
