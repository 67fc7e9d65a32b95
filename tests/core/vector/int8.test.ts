import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  certifiedSearch,
  codeL1Sums,
  DEFAULT_OVERSAMPLE,
  dequantizeInt8,
  Int8Rows,
  quantizeInt8,
  type QuantizedMatrix,
} from '../../../src/core/vector';
import { randomUnitVectors } from '../../../src/core/random';
import { expectSameHits, storedTopK } from './naive';

/** Int8 rows holding `quantized`, with or without the SIMD kernel. */
function rowsOf(quantized: QuantizedMatrix, simd = true): Int8Rows {
  const rows = new Int8Rows(quantized.dims, quantized.rows, { simd });
  rows.append(quantized);
  return rows;
}

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

  it('gives back the same codes and scales when stored rows are quantised again (export, then import)', () => {
    const quantized = quantizeInt8(randomUnitVectors(200, 512, 8), 512);
    expect(quantizeInt8(dequantizeInt8(quantized), 512)).toEqual(quantized);
  });
});

describe('Int8Rows', () => {
  it('dequantises a row and scores it exactly as stored', () => {
    const quantized = quantizeInt8(randomUnitVectors(3, 40, 2), 40);
    const rows = rowsOf(quantized);
    const query = randomUnitVectors(1, 40, 3);
    const expected = dequantizeInt8(quantized).subarray(40, 80);
    expect(rows.row(1)).toEqual(expected);
    expectSameHits(
      [{ index: 1, score: rows.score(query, 1) }],
      [storedTopK(quantized, query, 3).find((hit) => hit.index === 1)!],
    );
    expect(() => rows.row(3)).toThrow('vector: no row 3 in 3');
  });

  it('gives back what was appended, padded (40 dims) or not (512), with each row’s Σ|codes|', () => {
    for (const dims of [40, 512]) {
      const first = quantizeInt8(randomUnitVectors(3, dims, 4), dims);
      const second = quantizeInt8(randomUnitVectors(2, dims, 5), dims);
      const rows = new Int8Rows(dims, 1);
      rows.append(first);
      rows.append(second, codeL1Sums(second));
      const both = quantizeInt8(
        Float32Array.from([...dequantizeInt8(first), ...dequantizeInt8(second)]),
        dims,
      );
      expect(rows.toQuantized()).toEqual(both);
      expect(rows.rowStats().codeL1).toEqual(codeL1Sums(both));
      expect(() => rows.append(first, new Int32Array(2))).toThrow(
        `vector: 3 rows of ${dims} dims with ${3 * dims} codes, 3 scales and 2 sums`,
      );
      expect(rows.size).toBe(5);
    }
  });

  it('scans exactly in JavaScript, like an independent full sort (property)', () => {
    const data = fc
      .record({
        rows: fc.integer({ min: 0, max: 60 }),
        dims: fc.integer({ min: 1, max: 20 }),
        seed: fc.integer(),
      })
      .chain(({ rows, dims, seed }) =>
        fc.record({
          quantized: fc.constant(quantizeInt8(randomUnitVectors(rows, dims, seed), dims)),
          query: fc.constant(randomUnitVectors(1, dims, seed + 1)),
          k: fc.integer({ min: 0, max: rows + 2 }),
        }),
      );
    fc.assert(
      fc.property(data, ({ quantized, query, k }) => {
        expectSameHits(rowsOf(quantized, false).scan(query, k), storedTopK(quantized, query, k));
      }),
      { numRuns: 200 },
    );
  });
});

describe('certifiedSearch', () => {
  const dims = 512;
  const quantized = quantizeInt8(randomUnitVectors(2000, dims, 11), dims);
  const rows = rowsOf(quantized);

  it('returns the exact top 10 on 2,000 × 512 random unit vectors, re-scoring (almost) only the candidates', () => {
    let relaxedRescored = 0;
    for (let seed = 0; seed < 25; seed++) {
      const query = randomUnitVectors(1, dims, 1000 + seed);
      const reference = storedTopK(quantized, query, 10);
      const plain = certifiedSearch(rows, query, 10, DEFAULT_OVERSAMPLE, 'simd')!;
      expectSameHits(plain.hits, reference);
      expect(plain.rescored).toBe(10 * DEFAULT_OVERSAMPLE);
      const relaxed = certifiedSearch(rows, query, 10, DEFAULT_OVERSAMPLE, 'relaxed-simd')!;
      expectSameHits(relaxed.hits, reference);
      relaxedRescored += relaxed.rescored;
    }
    // The relaxed kernel's 7-bit query doubles the error bound: a few more rows are re-scored (1,016 here).
    expect(relaxedRescored).toBeLessThanOrEqual(1.1 * 25 * 10 * DEFAULT_OVERSAMPLE);
  });

  it('returns the exact top 10 for queries near stored rows (a clear winner, then a crowd)', () => {
    const noise = randomUnitVectors(5, dims, 99);
    for (let q = 0; q < 5; q++) {
      const query = Float32Array.from(rows.row(q * 97), (x, i) => x + 0.1 * noise[q * dims + i]!);
      const { hits } = certifiedSearch(rows, query, 10)!;
      expect(hits[0]!.index).toBe(q * 97);
      expectSameHits(hits, storedTopK(quantized, query, 10));
    }
  });

  it('is unavailable without the SIMD kernel, so no caller can mistake a scan for it', () => {
    expect(certifiedSearch(rowsOf(quantized, false), new Float32Array(dims), 10)).toBeUndefined();
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
        const count = base.length / dims;
        const vectors = Float32Array.from(base, (x, i) => {
          const source = copies[Math.floor(i / dims)]! % count;
          return base[source * dims + (i % dims)]! + jitter * x;
        });
        const stored = quantizeInt8(vectors, dims);
        const q = Float32Array.from(query);
        expectSameHits(certifiedSearch(rowsOf(stored), q, k, oversample)!.hits, storedTopK(stored, q, k));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects an oversample below 1', () => {
    expect(() => certifiedSearch(rows, new Float32Array(dims), 10, 0.5)).toThrow(
      'vector: oversample must be at least 1, got 0.5',
    );
  });
});
