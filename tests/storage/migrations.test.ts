import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import {
  DB_VERSION,
  embeddedPassageIds,
  getIndexMeta,
  getKeywordSnapshot,
  listDocuments,
  migrate,
  migrations,
  openDatabase,
  openSearchDb,
  putDocument,
  putIndexMeta,
  putKeywordSnapshot,
  readPassages,
  type SearchDbSchema,
} from '../../src/storage';
import { keywordSnapshotOf, readStored, sampleDoc, storedVectorsOf, vectorsOf } from './helpers';
import { codeL1Sums } from '../../src/core/vector';
import type { VectorPackRecord } from '../../src/storage/schema';

describe('migrations', () => {
  it('has one step per version', () => {
    expect(migrations).toHaveLength(DB_VERSION);
  });

  it('upgrades a version 1 database with data, keeping the data and adding the new store and index', async () => {
    const factory = new IDBFactory();
    const v1 = await openDatabase<SearchDbSchema>(factory, 'search', 1, {
      upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, tx, oldVersion, 1),
    });
    expect([...v1.objectStoreNames].sort()).toEqual(['documents', 'meta', 'passages', 'vectors']);
    expect([...v1.transaction('vectors').store.indexNames]).toEqual(['by-model']);
    const { doc, passages } = sampleDoc('a', 2);
    const passageIds = passages.map((p) => p.id);
    const meta = { modelId: 'm', dims: 4, corpusHash: 'h', passageCount: 2, complete: true, updatedAt: 1 };
    await putDocument(v1, doc, passages);
    // versions 1 and 2 stored float32 bytes
    const floatRecord = { modelId: 'm', docId: 'a', firstIndex: 0, passageIds, dims: 4 };
    await v1.put('vectors', { ...floatRecord, data: vectorsOf(passageIds, 4).buffer } as never);
    await putIndexMeta(v1, meta);
    v1.close();

    const db = await openSearchDb({ factory, name: 'search' });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'documents',
      'keywordParts',
      'meta',
      'passages',
      'vectors',
    ]);
    expect([...db.transaction('vectors').store.indexNames].sort()).toEqual(['by-model', 'by-model-doc']);
    expect(await listDocuments(db)).toEqual([doc]);
    expect(await readPassages(db)).toEqual(passages);
    expect(await readStored(db, 'm')).toEqual({
      passageIds,
      quantized: storedVectorsOf(passageIds, 4),
    });
    expect(await getIndexMeta(db, 'm')).toEqual(meta);
    expect(await db.transaction('vectors').store.index('by-model-doc').count(['m', 'a'])).toBe(1);
    const keyword = keywordSnapshotOf(sampleDoc('k', 2).passages);
    await putKeywordSnapshot(db, 'bm25', keyword);
    expect(await getKeywordSnapshot(db, 'bm25')).toEqual(keyword);
  });

  it('rewrites version 2 float vectors as int8 and deletes a damaged record so its passages are embedded again', async () => {
    const factory = new IDBFactory();
    const v2 = await openDatabase<SearchDbSchema>(factory, 'search', 2, {
      upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, tx, oldVersion, 2),
    });
    const record = (docId: string, passageIds: string[], data: ArrayBuffer) =>
      ({ modelId: 'm', docId, firstIndex: 0, passageIds, dims: 8, data }) as never;
    const good = Array.from({ length: 40 }, (_, i) => `d${i}#0`);
    for (const id of good)
      await v2.put('vectors', record(id.split('#')[0]!, [id], vectorsOf([id], 8).buffer as ArrayBuffer));
    await v2.put('vectors', record('z', ['z#0', 'z#1'], vectorsOf(['z#0'], 8).buffer as ArrayBuffer));
    v2.close();

    const db = await openSearchDb({ factory, name: 'search' });
    const stored = await readStored(db, 'm');
    expect(stored.passageIds).toEqual([...good].sort());
    expect(stored.quantized).toEqual(storedVectorsOf([...good].sort(), 8));
    expect(await embeddedPassageIds(db, 'm')).not.toContain('z#0');
  });

  it('drops a version 3 keyword index saved as one string (MiniSearch format, rebuilt from the passages at the next start)', async () => {
    const factory = new IDBFactory();
    const v3 = await openDatabase<SearchDbSchema>(factory, 'search', 3, {
      upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, tx, oldVersion, 3),
    });
    await v3.put('keyword', { name: 'passages', json: '{"signature":"x","index":"{}"}' });
    v3.close();

    const db = await openSearchDb({ factory, name: 'search' });
    expect(db.objectStoreNames.contains('keyword')).toBe(false);
    expect(await getKeywordSnapshot(db, 'passages')).toBeUndefined();
  });

  it("gives no keyword index, rather than an error, when a part's postings cannot be read back", async () => {
    const db = await openSearchDb({ factory: new IDBFactory(), name: 'search' });
    const keyword = keywordSnapshotOf(sampleDoc('k', 2).passages);
    await putKeywordSnapshot(db, 'passages', keyword);
    const part = await db.get('keywordParts', ['passages', 1]);
    await db.put('keywordParts', { ...part!, postings: new Blob([new Uint8Array(7)]) } as never);
    expect(await getKeywordSnapshot(db, 'passages')).toBeUndefined();
  });

  it('does not read a keyword index saved in parts in the older format (MiniSearch terms as JSON text)', async () => {
    const db = await openSearchDb({ factory: new IDBFactory(), name: 'search' });
    const head = { ...keywordSnapshotOf(sampleDoc('k', 2).passages).head, version: 2 };
    await db.put('keywordParts', { name: 'passages', part: 0, head });
    await db.put('keywordParts', { name: 'passages', part: 1, terms: '[["开源",{"0":{"1":1}}]]' } as never);
    expect(await getKeywordSnapshot(db, 'passages')).toBeUndefined();
  });

  it('folds version 4 packs (codes in an ArrayBuffer) and batches into packs with Blob codes and row sums', async () => {
    const factory = new IDBFactory();
    const v4 = await openDatabase<SearchDbSchema>(factory, 'search', 4, {
      upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, tx, oldVersion, 4),
    });
    /** A record as version 4 wrote it: a pack (firstIndex -1) or a batch, codes in an ArrayBuffer. */
    const v4Record = (docIds: string[], perDoc: number, firstIndex: number) => {
      const passageIds = docIds.flatMap((docId) => Array.from({ length: perDoc }, (_, i) => `${docId}#${i}`));
      const { codes, scales } = storedVectorsOf(passageIds, 8);
      const docKeys = docIds.map((docId) => ['m', docId]);
      const docRows = docIds.map(() => perDoc);
      return {
        modelId: 'm',
        docId: docIds[0],
        firstIndex,
        passageIds,
        docKeys,
        docRows,
        dims: 8,
        codes,
        scales,
      };
    };
    const records = [v4Record(['a', 'b'], 3, -1), v4Record(['c', 'd'], 2, -1), v4Record(['bb'], 4, 0)];
    for (const record of records) {
      const { codes, scales } = record;
      await v4.put('vectors', { ...record, codes: codes.buffer, scales: scales.buffer } as never);
    }
    await v4.put('vectors', { ...v4Record(['x'], 1, 0), modelId: 'other', dims: 8 } as never);
    v4.close();

    const db = await openSearchDb({ factory, name: 'search' });
    const packs = (await db.getAll('vectors')) as VectorPackRecord[];
    expect(packs.map((pack) => [pack.modelId, pack.firstIndex, pack.passageIds.length])).toEqual([
      ['m', -1, 14],
      ['other', -1, 1],
    ]);
    const ids = ['a', 'b', 'bb', 'c', 'd'].flatMap((docId) =>
      Array.from({ length: docId === 'bb' ? 4 : docId < 'c' ? 3 : 2 }, (_, i) => `${docId}#${i}`),
    );
    expect(packs[0]!.passageIds).toEqual(ids);
    expect(packs[0]!.codes).toBeInstanceOf(Blob);
    expect(new Int32Array(packs[0]!.codeL1)).toEqual(codeL1Sums(storedVectorsOf(ids, 8)));
    expect(await readStored(db, 'm')).toEqual({ passageIds: ids, quantized: storedVectorsOf(ids, 8) });
    expect(await db.transaction('vectors').store.index('by-model-doc').count(['m', 'bb'])).toBe(1);
  });

  it('refuses a version it has no migration for', () => {
    expect(() => migrate(undefined as never, undefined as never, 0, DB_VERSION + 1)).toThrow(
      `storage: no migration to version ${DB_VERSION + 1} (latest is ${DB_VERSION})`,
    );
  });
});
