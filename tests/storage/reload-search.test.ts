import { describe, expect, it } from 'vitest';
import { randomUnitVectors } from '../../src/core/random';
import { codeL1Sums, quantizeInt8, VectorMatrix, type ScoredRow } from '../../src/core/vector';
import { deleteDocument, putVectorBatch, readVectors } from '../../src/storage';
import { expectSameHits, storedTopK } from '../core/vector/naive';
import { freshDb } from './helpers';

const dims = 512;

/** Hits by passage id and score: row indices differ between insertion order and storage's canonical order. */
const byId = (hits: ScoredRow[]) => hits.map(({ id, score }) => ({ id, score }));

describe('dense search across a reload', () => {
  it('ranks and scores exactly the same before and after a reload', async () => {
    const db = await freshDb();
    const live = new VectorMatrix(dims);
    const vectors = randomUnitVectors(600, dims, 41);
    // As the indexer does: each embedded batch is stored, then appended to the in-memory matrix.
    for (let first = 0; first < 600; first += 16) {
      const count = Math.min(16, 600 - first);
      const docId = `doc${Math.floor(first / 160)}`;
      const passageIds = Array.from({ length: count }, (_, i) => `${docId}#${first + i}`);
      const data = vectors.subarray(first * dims, (first + count) * dims);
      await putVectorBatch(db, { modelId: 'm', docId, firstIndex: first, passageIds, dims, data });
      live.append(passageIds, data);
    }
    const stored = await readVectors(db, 'm');
    const reloaded = VectorMatrix.fromRows(stored.passageIds, stored.rows, dims);
    const queries = randomUnitVectors(20, dims, 42);
    for (let q = 0; q < 20; q++) {
      // a query near a stored row, so the top scores are close together
      const query = Float32Array.from(
        queries.subarray(q * dims, (q + 1) * dims),
        (x, i) => 0.2 * x + vectors[q * 29 * dims + i]!,
      );
      expect(byId(live.search(query, 10))).toEqual(byId(reloaded.search(query, 10)));
    }
  });
});

describe('dense search over loaded packs', () => {
  it('returns exactly the top-k of the exact scan over the stored vectors, after folding, deleting and adding', async () => {
    const db = await freshDb();
    const vectors = randomUnitVectors(1200, dims, 43);
    const docId = (doc: number) => `d${String(doc).padStart(2, '0')}`;
    const idsOf = (doc: number) => Array.from({ length: 100 }, (_, i) => `${docId(doc)}#${i}`);
    const store = (doc: number) =>
      putVectorBatch(db, {
        modelId: 'm',
        docId: docId(doc),
        firstIndex: 0,
        passageIds: idsOf(doc),
        dims,
        data: vectors.subarray(doc * 100 * dims, (doc + 1) * 100 * dims),
      });
    for (let doc = 0; doc < 10; doc++) await store(doc);
    await readVectors(db, 'm'); // folds the batches into a pack
    await deleteDocument(db, 'd03'); // the pack is written again from slices of its codes
    await store(11); // a batch, folded with the pack's codes on the next load
    const docs = [0, 1, 2, 4, 5, 6, 7, 8, 9, 11];
    // What is stored, computed independently of the load: each document's floats quantised as stored.
    const expected = quantizeInt8(
      Float32Array.from(
        docs.flatMap((doc) => [...vectors.subarray(doc * 100 * dims, (doc + 1) * 100 * dims)]),
      ),
      dims,
    );
    const stored = await readVectors(db, 'm');
    expect(stored.passageIds).toEqual(docs.flatMap(idsOf));
    expect(stored.rows?.rowStats().codeL1).toEqual(codeL1Sums(expected));
    const matrix = VectorMatrix.fromRows(stored.passageIds, stored.rows, dims);
    const queries = randomUnitVectors(20, dims, 44);
    for (let q = 0; q < 20; q++) {
      const near = docs[q % docs.length]! * 100 + q; // a query near a stored row: close scores at the top
      const query = Float32Array.from(
        queries.subarray(q * dims, (q + 1) * dims),
        (x, i) => 0.2 * x + vectors[near * dims + i]!,
      );
      expectSameHits(matrix.search(query, 10), storedTopK(expected, query, 10));
      expect(matrix.lastSearchPath).toBe('int8-wasm');
    }
  });
});
