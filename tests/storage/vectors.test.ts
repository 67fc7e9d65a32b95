import { IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import {
  clearAll,
  clearModelVectors,
  deleteDocument,
  embeddedPassageIds,
  getIndexMeta,
  getKeywordSnapshot,
  listDocuments,
  putDocument,
  putIndexMeta,
  putKeywordSnapshot,
  putVectorBatch,
  putVectorBatches,
  readPassages,
  type SearchDb,
} from '../../src/storage';
import { PACK_INDEX, type VectorBatchRecord, type VectorPackRecord } from '../../src/storage/schema';
import { PACK_ROWS } from '../../src/storage/vector-rows';
import type { IndexMeta, Passage } from '../../src/core/types';
import { planIndexing } from '../../src/core/index-plan';
import { codeL1Sums, dequantizeInt8, dot } from '../../src/core/vector';

const cosine = (a: Float32Array, b: Float32Array): number =>
  dot(a, 0, b, 0, a.length) / Math.sqrt(dot(a, 0, a, 0, a.length) * dot(b, 0, b, 0, b.length));
import { freshDb, keywordSnapshotOf, readStored, sampleDoc, storedVectorsOf, vectorsOf } from './helpers';

const dims = 8;

/** Stores vectors of these passages as the indexer does: one record per document within the batch. */
async function storeBatch(db: SearchDb, modelId: string, batch: readonly Passage[]): Promise<void> {
  for (const docId of new Set(batch.map((p) => p.docId))) {
    const members = batch.filter((p) => p.docId === docId);
    const passageIds = members.map((p) => p.id);
    await putVectorBatch(db, {
      modelId,
      docId,
      firstIndex: Math.min(...members.map((p) => p.index)),
      passageIds,
      dims,
      data: vectorsOf(passageIds, dims),
    });
  }
}

/** Stores one batch of model m's vectors for document a. */
function putDocA(db: SearchDb, passageIds: string[], width: number, data: Float32Array): Promise<void> {
  return putVectorBatch(db, { modelId: 'm', docId: 'a', firstIndex: 0, passageIds, dims: width, data });
}

/** A database holding documents a (3 passages), b (12) and c (1). */
async function corpusDb(): Promise<{ db: SearchDb; passages: Passage[] }> {
  const db = await freshDb();
  for (const [id, count] of [
    ['b', 12],
    ['a', 3],
    ['c', 1],
  ] as const) {
    const { doc, passages } = sampleDoc(id, count);
    await putDocument(db, doc, passages);
  }
  return { db, passages: await readPassages(db) };
}

describe('vectors', () => {
  it('reads two batches back as one contiguous array in passage order, matching passageIds', async () => {
    const { db, passages } = await corpusDb();
    // length-sorted batches mix documents and indices, as the indexer's do
    await storeBatch(db, 'm', [passages[14]!, passages[3]!, passages[0]!, passages[9]!, passages[5]!]);
    await storeBatch(
      db,
      'm',
      passages.filter((_, i) => ![14, 3, 0, 9, 5].includes(i)),
    );
    const stored = await readStored(db, 'm');
    const ids = passages.map((p) => p.id);
    expect(stored.quantized?.dims).toBe(dims);
    expect(stored.passageIds).toEqual(ids);
    expect(stored.quantized).toEqual(storedVectorsOf(ids, dims));
  });

  it('keeps models apart', async () => {
    const { db, passages } = await corpusDb();
    await storeBatch(db, 'm1', passages.slice(0, 2));
    await storeBatch(db, 'm2', passages.slice(2, 5));
    expect((await readStored(db, 'm1')).passageIds).toEqual(passages.slice(0, 2).map((p) => p.id));
    expect(await embeddedPassageIds(db, 'm2')).toEqual(new Set(passages.slice(2, 5).map((p) => p.id)));
    await clearModelVectors(db, 'm1');
    expect(await readStored(db, 'm1')).toEqual({ passageIds: [], quantized: undefined });
    expect((await readStored(db, 'm2')).passageIds).toHaveLength(3);
  });

  it('resumes after an interrupted run to exactly the vectors of an uninterrupted run', async () => {
    // batches mix documents in a scrambled order (as length-sorted batches do), and differ between the runs
    const scrambled = (list: readonly Passage[], step: number): Passage[] =>
      list.map((_, i) => list[(i * step) % list.length]!);
    const full = await corpusDb();
    const fullOrder = scrambled(full.passages, 5);
    for (let i = 0; i < fullOrder.length; i += 4) await storeBatch(full.db, 'm', fullOrder.slice(i, i + 4));

    const { db, passages } = await corpusDb();
    const meta: IndexMeta = {
      modelId: 'm',
      dims,
      corpusHash: 'h',
      passageCount: 0,
      complete: false,
      updatedAt: 1,
    };
    await putIndexMeta(db, meta);
    const interrupted = scrambled(passages, 7).slice(0, 7);
    await storeBatch(db, 'm', interrupted.slice(0, 4));
    await storeBatch(db, 'm', interrupted.slice(4)); // then the tab closed
    const plan = planIndexing({
      passages,
      embedded: await embeddedPassageIds(db, 'm'),
      meta: await getIndexMeta(db, 'm'),
      modelId: 'm',
      dims,
    });
    expect(plan.action).toBe('resume');
    expect(plan.toEmbed).toHaveLength(passages.length - 7);
    const rest = passages.filter((p) => plan.toEmbed.includes(p.id)).reverse();
    for (let i = 0; i < rest.length; i += 3) await storeBatch(db, 'm', rest.slice(i, i + 3));

    const resumed = await readStored(db, 'm');
    expect(resumed).toEqual(await readStored(full.db, 'm'));
    expect(resumed.passageIds).toEqual(passages.map((p) => p.id));
  });

  it('reports a passage stored twice once', async () => {
    const { db, passages } = await corpusDb();
    await storeBatch(db, 'm', passages.slice(0, 3));
    await storeBatch(db, 'm', passages.slice(1, 3));
    expect((await readStored(db, 'm')).passageIds).toEqual(passages.slice(0, 3).map((p) => p.id));
  });

  it('stores int8 codes and one scale per row, of exactly the batch, even from a view into a larger buffer', async () => {
    const db = await freshDb();
    const big = vectorsOf(['x', 'a#0', 'y'], dims);
    await putDocA(db, ['a#0'], dims, big.subarray(dims, 2 * dims));
    const [record] = (await db.getAll('vectors')) as VectorBatchRecord[];
    expect(record?.codes.byteLength).toBe(dims);
    expect(record?.scales.byteLength).toBe(4);
    expect((await readStored(db, 'm')).quantized).toEqual(storedVectorsOf(['a#0'], dims));
  });

  it('reads back 512-d vectors within half a step of int8, cosine ≥ 0.9999, in ≤ 600 bytes per vector', async () => {
    const db = await freshDb();
    const ids = Array.from({ length: 16 }, (_, i) => `a#${i}`);
    const floats = vectorsOf(ids, 512);
    await putDocA(db, ids, 512, floats);
    const [record] = (await db.getAll('vectors')) as VectorBatchRecord[];
    expect((record!.codes.byteLength + record!.scales.byteLength) / ids.length).toBeLessThanOrEqual(600);
    const vectors = dequantizeInt8((await readStored(db, 'm')).quantized!);
    for (let row = 0; row < ids.length; row++) {
      const stored = vectors.subarray(row * 512, (row + 1) * 512);
      const original = floats.subarray(row * 512, (row + 1) * 512);
      const halfStep = Math.max(...original.map(Math.abs)) / 254;
      original.forEach((x, i) => expect(Math.abs(stored[i]! - x)).toBeLessThanOrEqual(halfStep * 1.0001));
      expect(cosine(stored, original)).toBeGreaterThan(0.9999);
    }
  });

  it('refuses a damaged record with a clear message', async () => {
    const db = await freshDb();
    await putDocA(db, ['a#0'], dims, vectorsOf(['a#0'], dims));
    const [record] = await db.getAll('vectors');
    await db.put('vectors', { ...record!, codes: new ArrayBuffer(dims - 1) });
    await expect(readStored(db, 'm')).rejects.toThrow('storage: vector record a@0 is damaged');
  });

  it('rejects a batch whose ids and vectors disagree, and mixed dims on read', async () => {
    const db = await freshDb();
    await expect(
      putVectorBatch(db, {
        modelId: 'm',
        docId: 'a',
        firstIndex: 0,
        passageIds: ['a#0'],
        dims: 2,
        data: new Float32Array(4),
      }),
    ).rejects.toThrow('storage: 1 passage ids for 2 vectors');
    await putVectorBatch(db, {
      modelId: 'm',
      docId: 'a',
      firstIndex: 0,
      passageIds: ['a#0'],
      dims: 2,
      data: new Float32Array(2),
    });
    await putVectorBatch(db, {
      modelId: 'm',
      docId: 'a',
      firstIndex: 1,
      passageIds: ['a#1'],
      dims: 3,
      data: new Float32Array(3),
    });
    await expect(readStored(db, 'm')).rejects.toThrow(
      'storage: vectors of m have 2 and 3 dims; clear them and index again',
    );
  });
});

describe('meta, keyword index and clearing', () => {
  it('round-trips index meta and a keyword index; clearModelVectors drops the meta too', async () => {
    const db = await freshDb();
    const meta: IndexMeta = {
      modelId: 'm',
      dims: 512,
      corpusHash: 'h',
      passageCount: 9,
      complete: true,
      updatedAt: 5,
    };
    await putIndexMeta(db, meta);
    const keyword = keywordSnapshotOf(sampleDoc('k', 3).passages);
    await putKeywordSnapshot(db, 'bm25', keyword);
    expect(await getIndexMeta(db, 'm')).toEqual(meta);
    expect(await getKeywordSnapshot(db, 'bm25')).toEqual(keyword);
    expect(await getKeywordSnapshot(db, 'other')).toBeUndefined();
    expect((await readStored(db, 'm')).quantized?.dims).toBe(512);
    await clearModelVectors(db, 'm');
    expect(await getIndexMeta(db, 'm')).toBeUndefined();
  });

  it('clearAll empties every store', async () => {
    const { db, passages } = await corpusDb();
    await storeBatch(db, 'm', passages);
    await putKeywordSnapshot(db, 'bm25', keywordSnapshotOf(passages));
    await clearAll(db);
    expect(await listDocuments(db)).toEqual([]);
    expect(await readPassages(db)).toEqual([]);
    expect(await embeddedPassageIds(db, 'm')).toEqual(new Set());
    expect(await getKeywordSnapshot(db, 'bm25')).toBeUndefined();
  });

  it('stores several batches in one call, all or nothing', async () => {
    const db = await freshDb();
    const batch = (docId: string, ids: string[]) => ({
      modelId: 'm',
      docId,
      firstIndex: 0,
      passageIds: ids,
      dims: 4,
      data: vectorsOf(ids, 4),
    });
    await putVectorBatches(db, [batch('a', ['a#0', 'a#1']), batch('b', ['b#0'])]);
    const stored = await readStored(db, 'm');
    expect(stored.passageIds).toEqual(['a#0', 'a#1', 'b#0']);
    expect(stored.quantized).toEqual(storedVectorsOf(['a#0', 'a#1', 'b#0'], 4));
    const broken = { ...batch('c', ['c#0', 'c#1']), data: new Float32Array(4) };
    await expect(putVectorBatches(db, [batch('d', ['d#0']), broken])).rejects.toThrow(
      '2 passage ids for 1 vectors',
    );
    expect((await readStored(db, 'm')).passageIds).toEqual(['a#0', 'a#1', 'b#0']);
  });
});

describe('packs', () => {
  /** 30 documents of 100 passages, stored in batches of 16 as the indexer writes them. */
  async function batchedDb(): Promise<{ db: SearchDb; ids: string[] }> {
    const db = await freshDb();
    const ids: string[] = [];
    for (let d = 0; d < 30; d++) {
      const docId = `d${String(d).padStart(2, '0')}`;
      const { doc, passages } = sampleDoc(docId, 100);
      await putDocument(db, doc, passages);
      for (let first = 0; first < 100; first += 16)
        await storeBatch(db, 'm', passages.slice(first, first + 16));
      ids.push(...passages.map((p) => p.id));
    }
    return { db, ids };
  }

  it('folds batches into a few packs of whole documents on read, with the same rows before and after', async () => {
    const { db, ids } = await batchedDb();
    expect(await db.count('vectors')).toBe(30 * 7);
    const first = await readStored(db, 'm');
    expect(first.passageIds).toEqual(ids);
    expect(first.quantized).toEqual(storedVectorsOf(ids, dims));
    const packs = (await db.getAll('vectors')) as VectorPackRecord[];
    expect(packs.map((pack) => pack.passageIds.length)).toEqual([3000]);
    expect(packs.every((pack) => pack.firstIndex === PACK_INDEX)).toBe(true);
    expect(packs[0]!.codes).toBeInstanceOf(Blob);
    expect(new Int8Array(await packs[0]!.codes.arrayBuffer())).toEqual(first.quantized!.codes);
    expect(new Int32Array(packs[0]!.codeL1)).toEqual(codeL1Sums(first.quantized!));
    expect(await readStored(db, 'm')).toEqual(first);
  });

  it('closes a pack at the first document end past PACK_ROWS rows', async () => {
    const db = await freshDb();
    const docRows = 2000;
    const ids: string[] = [];
    for (let d = 0; d < 20; d++) {
      const docId = `d${String(d).padStart(2, '0')}`;
      const passageIds = Array.from({ length: docRows }, (_, i) => `${docId}#${i}`);
      await putVectorBatch(db, {
        modelId: 'm',
        docId,
        firstIndex: 0,
        passageIds,
        dims,
        data: vectorsOf(passageIds, dims),
      });
      ids.push(...passageIds);
    }
    const stored = await readStored(db, 'm');
    expect(stored.passageIds).toEqual(ids);
    expect(stored.quantized).toEqual(storedVectorsOf(ids, dims));
    const firstPack = Math.ceil(PACK_ROWS / docRows) * docRows;
    const packs = (await db.getAll('vectors')) as VectorPackRecord[];
    expect(packs.map((pack) => pack.passageIds.length)).toEqual([firstPack, ids.length - firstPack]);
    expect(packs.map((pack) => pack.codes.size)).toEqual([firstPack * dims, (ids.length - firstPack) * dims]);
  });

  it('folds a document added after packing into the packs, in canonical order', async () => {
    const { db, ids } = await batchedDb();
    await readStored(db, 'm');
    const added = sampleDoc('d15a', 20);
    await putDocument(db, added.doc, added.passages);
    await storeBatch(db, 'm', added.passages.slice(0, 16));
    await storeBatch(db, 'm', added.passages.slice(16));
    const at = ids.indexOf('d16#0');
    const all = [...ids.slice(0, at), ...added.passages.map((p) => p.id), ...ids.slice(at)];
    const stored = await readStored(db, 'm');
    expect(stored.passageIds).toEqual(all);
    expect(stored.quantized).toEqual(storedVectorsOf(all, dims));
    expect(await db.count('vectors')).toBe(1);
  });

  it('adds to a multi-pack store by rewriting one pack only, and deletes from only the pack holding the document', async () => {
    const db = await freshDb();
    const docRows = 2000;
    const idsOf = (docId: string, count = docRows, from = 0) =>
      Array.from({ length: count }, (_, i) => `${docId}#${from + i}`);
    const put = (docId: string, passageIds: string[], firstIndex = 0) =>
      putVectorBatch(db, {
        modelId: 'm',
        docId,
        firstIndex,
        passageIds,
        dims,
        data: vectorsOf(passageIds, dims),
      });
    const docs = Array.from({ length: 20 }, (_, d) => `d${String(d).padStart(2, '0')}`);
    for (const docId of docs) await put(docId, idsOf(docId));
    await readStored(db, 'm');
    const packKeys = async () =>
      ((await db.getAll('vectors')) as VectorPackRecord[]).map((pack) => [
        pack.docId,
        pack.passageIds.length,
      ]);
    // d00…d16 close the first pack (34,000 ≥ PACK_ROWS rows); d17…d19 are the open one.
    expect(await packKeys()).toEqual([
      ['d00', 17 * docRows],
      ['d17', 3 * docRows],
    ]);

    /** The pack records written and the keys deleted while `step` runs. */
    async function writesOf(step: () => Promise<unknown>) {
      const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
      const deletes = vi.spyOn(IDBObjectStore.prototype, 'delete');
      try {
        await step();
        return {
          packs: puts.mock.calls
            .map(([record]) => record as VectorPackRecord)
            .filter((record) => record.firstIndex === PACK_INDEX)
            .map((pack) => [pack.docId, pack.passageIds.length]),
          deleted: deletes.mock.calls.map(([key]) => key),
        };
      } finally {
        puts.mockRestore();
        deletes.mockRestore();
      }
    }

    // A document that sorts among the full pack's goes into the open pack: the full pack is not written.
    const added = idsOf('d05a', 20);
    await put('d05a', added.slice(0, 16));
    await put('d05a', added.slice(16), 16);
    const addition = await writesOf(() => readStored(db, 'm'));
    expect(addition).toEqual({
      packs: [['d05a', 20 + 3 * docRows]],
      deleted: [
        ['m', 'd05a', 0],
        ['m', 'd05a', 16],
        ['m', 'd17', PACK_INDEX],
      ],
    });
    const fullPack = docs.slice(0, 17).flatMap((docId) => idsOf(docId));
    const openPack = [...added, ...docs.slice(17).flatMap((docId) => idsOf(docId))];
    let stored = await readStored(db, 'm');
    expect(stored.passageIds).toEqual([...fullPack, ...openPack]);
    expect(stored.quantized).toEqual(storedVectorsOf([...fullPack, ...openPack], dims));

    // More passages of a document already packed (an interrupted run resumed) join that document's pack.
    const resumed = idsOf('d03', 10, docRows);
    await put('d03', resumed, docRows);
    expect((await writesOf(() => readStored(db, 'm'))).packs).toEqual([['d00', 17 * docRows + 10]]);
    const at = fullPack.indexOf('d04#0');
    fullPack.splice(at, 0, ...resumed);

    // Deleting rewrites the pack that held the document, and no other.
    expect((await writesOf(() => deleteDocument(db, 'd18'))).packs).toEqual([['d05a', 20 + 2 * docRows]]);
    stored = await readStored(db, 'm');
    const kept = [...fullPack, ...openPack.filter((id) => !id.startsWith('d18#'))];
    expect(stored.passageIds).toEqual(kept);
    expect(stored.quantized).toEqual(storedVectorsOf(kept, dims));
    expect(await packKeys()).toEqual([
      ['d00', 17 * docRows + 10],
      ['d05a', 20 + 2 * docRows],
    ]);
  });

  it('starts a new pack when every pack is full', async () => {
    const db = await freshDb();
    const passageIds = Array.from({ length: PACK_ROWS }, (_, i) => `b#${i}`);
    await putVectorBatch(db, {
      modelId: 'm',
      docId: 'b',
      firstIndex: 0,
      passageIds,
      dims,
      data: vectorsOf(passageIds, dims),
    });
    await readStored(db, 'm');
    const added = ['a#0', 'a#1'];
    await putVectorBatch(db, {
      modelId: 'm',
      docId: 'a',
      firstIndex: 0,
      passageIds: added,
      dims,
      data: vectorsOf(added, dims),
    });
    const stored = await readStored(db, 'm');
    expect(stored.passageIds).toEqual([...added, ...passageIds]);
    expect(stored.quantized).toEqual(storedVectorsOf([...added, ...passageIds], dims));
    const packs = (await db.getAll('vectors')) as VectorPackRecord[];
    expect(packs.map((pack) => [pack.docId, pack.passageIds.length])).toEqual([
      ['a', 2],
      ['b', PACK_ROWS],
    ]);
  });

  it('returns the rows all the same when the fold cannot be written, and loses nothing', async () => {
    const { db, ids } = await batchedDb();
    await readStored(db, 'm');
    const added = sampleDoc('d15a', 20);
    await storeBatch(db, 'm', added.passages);
    const records = await db.count('vectors');
    const put = IDBObjectStore.prototype.put;
    // The fold's transaction is aborted, as a full disk aborts it.
    const failing = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      const request = put.apply(this, args);
      this.transaction.abort();
      return request;
    });
    const at = ids.indexOf('d16#0');
    const all = [...ids.slice(0, at), ...added.passages.map((p) => p.id), ...ids.slice(at)];
    try {
      const stored = await readStored(db, 'm');
      expect(stored.passageIds).toEqual(all);
      expect(stored.quantized).toEqual(storedVectorsOf(all, dims));
    } finally {
      failing.mockRestore();
    }
    expect(await db.count('vectors')).toBe(records);
    expect((await readStored(db, 'm')).passageIds).toEqual(all);
    expect(await db.count('vectors')).toBe(1);
  });

  it('deletes one document from a pack and keeps every other document’s vectors', async () => {
    const { db, ids } = await batchedDb();
    await readStored(db, 'm');
    await deleteDocument(db, 'd00'); // the pack's first document: the pack gets a new key
    await deleteDocument(db, 'd05');
    const rechunked = sampleDoc('d07', 100);
    await putDocument(db, rechunked.doc, [{ ...rechunked.passages[0]!, text: 'changed' }]);
    const kept = ids.filter((id) => !/^d0[057]#/.test(id));
    const stored = await readStored(db, 'm');
    expect(stored.passageIds).toEqual(kept);
    expect(stored.quantized).toEqual(storedVectorsOf(kept, dims));
    expect(await embeddedPassageIds(db, 'm')).toEqual(new Set(kept));
  });
});
