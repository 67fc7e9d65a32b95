import { describe, expect, it } from 'vitest';
import { randomUnitVectors } from '../../src/core/random';
import { VectorMatrix, type ScoredRow } from '../../src/core/vector';
import { putVectorBatch, readVectors } from '../../src/storage';
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
    const reloaded = VectorMatrix.fromQuantized(stored.passageIds, stored.quantized, dims);
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
