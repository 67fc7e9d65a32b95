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
  /**
   * Stores documents of `docRows` passages each (one batch each, `docs` in order), folds them, deletes one,
   * adds one, then checks that the loaded rows are the expected documents' in `loadedOrder` and that the
   * loaded index's top 10 for 20 queries equal an exact scan of the stored vectors, computed independently.
   */
  async function expectExactAfterChanges(options: {
    dims: number;
    docRows: number;
    docs: number;
    deleted: number;
    added: number;
    loadedOrder: number[];
  }): Promise<void> {
    const { dims: width, docRows, docs, deleted, added, loadedOrder } = options;
    const db = await freshDb();
    const vectors = randomUnitVectors((docs + 1) * docRows, width, 43);
    const rowsOf = (doc: number) => vectors.subarray(doc * docRows * width, (doc + 1) * docRows * width);
    const docId = (doc: number) =>
      doc === docs ? `d${String(added).padStart(2, '0')}x` : `d${String(doc).padStart(2, '0')}`;
    const idsOf = (doc: number) => Array.from({ length: docRows }, (_, i) => `${docId(doc)}#${i}`);
    const store = (doc: number) =>
      putVectorBatch(db, {
        modelId: 'm',
        docId: docId(doc),
        firstIndex: 0,
        passageIds: idsOf(doc),
        dims: width,
        data: rowsOf(doc),
      });
    for (let doc = 0; doc < docs; doc++) await store(doc);
    await readVectors(db, 'm'); // folds the batches into packs
    await deleteDocument(db, docId(deleted)); // its pack is written again from slices of its codes
    await store(docs); // a batch, folded into a pack on the next load
    // What is stored, computed independently of the load: each document's floats quantised as stored.
    const expected = quantizeInt8(Float32Array.from(loadedOrder.flatMap((doc) => [...rowsOf(doc)])), width);
    const stored = await readVectors(db, 'm');
    expect(stored.passageIds).toEqual(loadedOrder.flatMap(idsOf));
    expect(stored.rows?.rowStats().codeL1).toEqual(codeL1Sums(expected));
    const matrix = VectorMatrix.fromRows(stored.passageIds, stored.rows, width);
    const queries = randomUnitVectors(20, width, 44);
    for (let q = 0; q < 20; q++) {
      const near = loadedOrder[q % loadedOrder.length]! * docRows + q; // near a stored row: close top scores
      const query = Float32Array.from(
        queries.subarray(q * width, (q + 1) * width),
        (x, i) => 0.2 * x + vectors[near * width + i]!,
      );
      expectSameHits(matrix.search(query, 10), storedTopK(expected, query, 10));
      expect(matrix.lastSearchPath).toBe('int8-wasm');
    }
  }

  it('returns exactly the top-k of the exact scan over the stored vectors, after folding, deleting and adding', async () => {
    // One pack: the added document (d11x) takes its place in canonical order.
    await expectExactAfterChanges({
      dims,
      docRows: 100,
      docs: 10,
      deleted: 3,
      added: 11,
      loadedOrder: [0, 1, 2, 4, 5, 6, 7, 8, 9, 10],
    });
  });

  it('does the same over several packs, where an added document joins the open pack', async () => {
    // d00…d10 fill the first pack (33,000 rows); d11 is the open pack, which d05x joins after deleting d07.
    await expectExactAfterChanges({
      dims: 64,
      docRows: 3000,
      docs: 12,
      deleted: 7,
      added: 5,
      loadedOrder: [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 11],
    });
  });
});
