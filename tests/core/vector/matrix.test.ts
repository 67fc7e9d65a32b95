import { describe, expect, it } from 'vitest';
import { dequantizeInt8, quantizeInt8, VectorMatrix } from '../../../src/core/vector';
import { expectSameHits, storedTopK } from './naive';
import { randomUnitVectors } from '../../../src/core/random';

const dims = 8;
const ids = (from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => `d#${from + i}`);

describe('VectorMatrix', () => {
  it('scans the rows as stored (int8) like a full sort and names hits by id', () => {
    const vectors = randomUnitVectors(50, dims, 3);
    const query = randomUnitVectors(1, dims, 4);
    const matrix = VectorMatrix.fromPacked(ids(0, 50), vectors, dims);
    const hits = matrix.scan(query, 5);
    expectSameHits(hits, storedTopK(quantizeInt8(vectors, dims), query, 5));
    expect(hits.map((hit) => hit.id)).toEqual(hits.map((hit) => `d#${hit.index}`));
  });

  /** Every row of the matrix, dequantised. */
  const rowsOf = (matrix: VectorMatrix): Float32Array => {
    const out = new Float32Array(matrix.size * matrix.dims);
    for (let row = 0; row < matrix.size; row++) matrix.row(row, out, row * matrix.dims);
    return out;
  };

  it('grows on append and keeps rows contiguous in insertion order', () => {
    const vectors = randomUnitVectors(30, dims, 5);
    const matrix = new VectorMatrix(dims, { capacity: 4 });
    matrix.append(ids(0, 10), vectors.subarray(0, 10 * dims));
    matrix.append(ids(10, 30), vectors.subarray(10 * dims));
    expect(matrix.size).toBe(30);
    expect(rowsOf(matrix)).toEqual(dequantizeInt8(quantizeInt8(vectors, dims)));
    expect(matrix.ids).toEqual(ids(0, 30));
  });

  it('removes rows by id, compacting the rest in order', () => {
    const vectors = randomUnitVectors(6, dims, 6);
    const matrix = VectorMatrix.fromPacked(ids(0, 6), vectors.slice(), dims);
    expect(matrix.remove(['d#0', 'd#3', 'd#5', 'unknown'])).toBe(3);
    const kept = [1, 2, 4];
    expect(matrix.ids).toEqual(kept.map((i) => `d#${i}`));
    const stored = dequantizeInt8(quantizeInt8(vectors, dims));
    expect(rowsOf(matrix)).toEqual(
      Float32Array.from(kept.flatMap((i) => [...stored.subarray(i * dims, (i + 1) * dims)])),
    );
    expect(matrix.indexOf('d#4')).toBe(2);
    expect(matrix.indexOf('d#0')).toBeUndefined();
    const query = vectors.subarray(4 * dims, 5 * dims);
    expect(matrix.scan(query, 1)[0]).toMatchObject({ index: 2, id: 'd#4' });
  });

  it('accepts rows again after they were removed', () => {
    const matrix = new VectorMatrix(2);
    matrix.append(['a', 'b'], Float32Array.of(1, 0, 0, 1));
    matrix.remove(['a']);
    matrix.append(['a'], Float32Array.of(0.6, 0.8));
    // 0.6 as stored: code 95 of scale 0.8 / 127
    expect(matrix.scan(Float32Array.of(1, 0), 2)).toEqual([
      { index: 1, id: 'a', score: Math.fround(0.8 / 127) * 95 },
      { index: 0, id: 'b', score: 0 },
    ]);
  });

  it('rejects duplicate ids and row counts that do not match the ids', () => {
    const matrix = new VectorMatrix(2);
    matrix.append(['a'], Float32Array.of(1, 0));
    expect(() => matrix.append(['a'], Float32Array.of(0, 1))).toThrow('vector: duplicate row id a');
    expect(() => matrix.append(['b', 'b'], Float32Array.of(0, 1, 1, 0))).toThrow(
      'vector: duplicate row id b',
    );
    expect(() => matrix.append(['c'], Float32Array.of(0, 1, 1, 0))).toThrow('vector: 1 ids for 2 rows');
    expect(matrix.size).toBe(1);
  });

  it('searches through the WASM int8 scan at any size, and through the JS scan when SIMD is off', () => {
    const matrix = VectorMatrix.fromPacked(['a', 'b'], Float32Array.of(1, 0, 0, 1), 2);
    expect(matrix.lastSearchPath).toBeUndefined();
    expect(matrix.search(Float32Array.of(0, 1), 1).map((hit) => hit.id)).toEqual(['b']);
    expect(matrix.lastSearchPath).toBe('int8-wasm');
    const plain = VectorMatrix.fromPacked(['a', 'b'], Float32Array.of(1, 0, 0, 1), 2, { simd: false });
    expect(plain.search(Float32Array.of(0, 1), 1).map((hit) => hit.id)).toEqual(['b']);
    expect(plain.lastSearchPath).toBe('scan');
  });

  it('keeps about a quarter of the float memory: int8 codes padded to 32 bytes, a scale and two sums per row', () => {
    const matrix = new VectorMatrix(512, { capacity: 1000 });
    // WebAssembly memory (query, codes, kernel output and Σ codes, rounded to pages), then scales and L1 sums
    expect(matrix.byteLength).toBe(Math.ceil((1024 + 1000 * 520) / 65_536) * 65_536 + 8000);
  });

  it('searches large matrices through int8 with the same top 10 as the exact scan, also after changes', () => {
    const dims = 32;
    const rows = 10_500;
    const ids = Array.from({ length: rows }, (_, i) => `p${i}`);
    const matrix = VectorMatrix.fromPacked(ids, randomUnitVectors(rows, dims, 11), dims);
    const queries = randomUnitVectors(5, dims, 12);
    const check = () => {
      for (let q = 0; q < 5; q++) {
        const query = queries.subarray(q * dims, (q + 1) * dims);
        expect(matrix.search(query, 10)).toEqual(matrix.scan(query, 10));
        expect(matrix.lastSearchPath).toBe('int8-wasm');
      }
    };
    check();
    const best = matrix.scan(queries.subarray(0, dims), 1)[0]!.id;
    matrix.remove([best]);
    check();
    expect(matrix.search(queries.subarray(0, dims), 10).map((hit) => hit.id)).not.toContain(best);
  });
});
