import { describe, expect, it } from 'vitest';
import { packVectors, VectorMatrix } from '../../../src/core/vector';
import { INT8_MIN_ROWS } from '../../../src/core/vector/matrix';
import { naiveTopK } from './naive';
import { randomUnitVectors } from '../../../src/core/random';

const dims = 8;
const ids = (from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => `d#${from + i}`);

describe('VectorMatrix', () => {
  it('scans like a full sort and names hits by id', () => {
    const vectors = randomUnitVectors(50, dims, 3);
    const query = randomUnitVectors(1, dims, 4);
    const matrix = VectorMatrix.fromPacked(ids(0, 50), vectors, dims);
    const expected = naiveTopK(vectors, dims, query, 5).map((hit) => ({ ...hit, id: `d#${hit.index}` }));
    expect(matrix.scan(query, 5)).toEqual(expected);
  });

  it('grows on append and keeps rows contiguous in insertion order', () => {
    const vectors = randomUnitVectors(30, dims, 5);
    const matrix = new VectorMatrix(dims, 4);
    matrix.append(ids(0, 10), vectors.subarray(0, 10 * dims));
    matrix.append(ids(10, 30), vectors.subarray(10 * dims));
    expect(matrix.size).toBe(30);
    expect(matrix.vectors).toEqual(vectors);
    expect(matrix.ids).toEqual(ids(0, 30));
  });

  it('removes rows by id, compacting the rest in order', () => {
    const vectors = randomUnitVectors(6, dims, 6);
    const matrix = VectorMatrix.fromPacked(ids(0, 6), vectors.slice(), dims);
    expect(matrix.remove(['d#0', 'd#3', 'd#5', 'unknown'])).toBe(3);
    const kept = [1, 2, 4];
    expect(matrix.ids).toEqual(kept.map((i) => `d#${i}`));
    expect(matrix.vectors).toEqual(
      packVectors(
        kept.map((i) => vectors.subarray(i * dims, (i + 1) * dims)),
        dims,
      ),
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
    expect(matrix.scan(Float32Array.of(1, 0), 2)).toEqual([
      { index: 1, id: 'a', score: Math.fround(0.6) },
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

  it('scans small matrices exactly', () => {
    const matrix = VectorMatrix.fromPacked(['a', 'b'], Float32Array.of(1, 0, 0, 1), 2);
    expect(matrix.lastSearchPath).toBeUndefined();
    expect(matrix.search(Float32Array.of(0, 1), 1).map((hit) => hit.id)).toEqual(['b']);
    expect(matrix.lastSearchPath).toBe('scan');
  });

  it('searches large matrices through int8 with the same top 10 as the exact scan, also after changes', () => {
    const dims = 32;
    const rows = INT8_MIN_ROWS + 500;
    const ids = Array.from({ length: rows }, (_, i) => `p${i}`);
    const matrix = VectorMatrix.fromPacked(ids, randomUnitVectors(rows, dims, 11), dims);
    const queries = randomUnitVectors(5, dims, 12);
    const check = () => {
      for (let q = 0; q < 5; q++) {
        const query = queries.subarray(q * dims, (q + 1) * dims);
        expect(matrix.search(query, 10)).toEqual(matrix.scan(query, 10));
        expect(matrix.lastSearchPath).toMatch(/^int8-(wasm|js)$/);
      }
    };
    check();
    const best = matrix.scan(queries.subarray(0, dims), 1)[0]!.id;
    matrix.remove([best]);
    check();
    expect(matrix.search(queries.subarray(0, dims), 10).map((hit) => hit.id)).not.toContain(best);
  });
});
