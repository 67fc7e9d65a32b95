/**
 * Writing embedding vectors, stored as int8 codes with one scale per row. The indexer writes one batch record
 * per embedded batch of one document's passages; loading (`vector-read.ts`) folds batches into a few large
 * pack records ({@link foldIntoPacks}), rewriting only the pack that takes them.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import { quantizeInt8 } from '../core/vector/quantize';
import { rowCount } from '../core/vector/shape';
import { withStorageErrors } from './errors';
import type { SearchDb, SearchDbSchema, VectorBatchRecord, VectorPackRecord, VectorRecord } from './schema';
import { planFold } from './vector-fold';
import { packOf, rowsOf } from './vector-rows';

/** Input of {@link putVectorBatch}: rows of one document as a Float32Array. */
export interface VectorBatch {
  /** Embedding model id. */
  modelId: string;
  /** Document the passages belong to. */
  docId: string;
  /** Smallest passage index in the batch; with modelId and docId, the record's key. */
  firstIndex: number;
  /** Passage ids, all of document `docId`, one per row of `data`. */
  passageIds: readonly string[];
  /** Components per vector. */
  dims: number;
  /** `passageIds.length * dims` floats, row-major. */
  data: Float32Array;
}

/** The vectors store inside a read-write (or upgrade) transaction over several stores. */
export type VectorStore = IDBPObjectStore<
  SearchDbSchema,
  ArrayLike<StoredNames>,
  'vectors',
  'readwrite' | 'versionchange'
>;
type StoredNames = StoreNames<SearchDbSchema>;

/**
 * Stores one batch of vectors of one document's passages as int8 codes and row scales (one record, key
 * `[modelId, docId, firstIndex]`, relaxed durability: a batch lost in a crash is simply embedded again on
 * resume).
 *
 * @example
 * await putVectorBatch(db, { modelId, docId, firstIndex: 0, passageIds: ['d#0', 'd#1'], dims: 512, data });
 */
export function putVectorBatch(db: SearchDb, batch: VectorBatch): Promise<void> {
  return putVectorBatches(db, [batch]);
}

/**
 * Stores several vector batches in one transaction (fewer, larger writes while indexing).
 *
 * @example
 * await putVectorBatches(db, batchesOfOneEmbeddingCall);
 */
export function putVectorBatches(db: SearchDb, batches: readonly VectorBatch[]): Promise<void> {
  let records: VectorBatchRecord[];
  try {
    records = batches.map(batchRecord);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  return withStorageErrors(async () => {
    const tx = db.transaction('vectors', 'readwrite', { durability: 'relaxed' });
    await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
  });
}

/**
 * The record of one batch: its rows quantised to int8 codes and row scales. Throws when ids and rows disagree.
 *
 * @example
 * batchRecord({ modelId, docId, firstIndex: 0, passageIds: ['d#0'], dims: 512, data });
 */
export function batchRecord(batch: VectorBatch): VectorBatchRecord {
  const { modelId, docId, firstIndex, passageIds, dims, data } = batch;
  const rows = rowCount(data, dims);
  if (rows !== passageIds.length || rows === 0) {
    throw new Error(`storage: ${passageIds.length} passage ids for ${rows} vectors`);
  }
  const { codes, scales } = quantizeInt8(data, dims);
  return {
    modelId,
    docId,
    firstIndex,
    passageIds: [...passageIds],
    docKeys: [[modelId, docId]],
    docRows: [rows],
    dims,
    codes: codes.buffer,
    scales: scales.buffer,
  };
}

/**
 * Folds a model's records (all of the same `dims`) into packs inside the caller's transaction, without
 * reading any Blob and rewriting as few packs as it can ({@link planFold}: adding a document rewrites one
 * pack). Throws (before any request) on a damaged record. Returns every pack of the model after the fold, in
 * key order, and the completion of its writes.
 *
 * @example
 * const { packs, written } = foldIntoPacks(tx.objectStore('vectors'), modelId, 512, records);
 */
export function foldIntoPacks(
  store: VectorStore,
  modelId: string,
  dims: number,
  records: readonly VectorRecord[],
): { packs: VectorPackRecord[]; written: Promise<unknown> } {
  const { remove, add, packs } = planFold(modelId, dims, records);
  // Deletes first: a new pack may take the key of one it replaces.
  const written = Promise.all([
    ...remove.map((record) => store.delete(keyOf(record))),
    ...add.map((pack) => store.put(pack)),
  ]);
  return { packs, written };
}

/** The primary key of a vector record. */
function keyOf(record: VectorRecord): [string, string, number] {
  return [record.modelId, record.docId, record.firstIndex];
}

/**
 * Ids of the passages that have a vector for this model (for `planIndexing`). Walks the records with a
 * cursor and keeps only their ids, so no vectors are copied or concatenated.
 *
 * @example
 * const done = await embeddedPassageIds(db, modelId); // pass to planIndexing
 */
export async function embeddedPassageIds(db: SearchDb, modelId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const index = db.transaction('vectors').store.index('by-model');
  for await (const cursor of index.iterate(modelId)) {
    for (const id of cursor.value.passageIds) ids.add(id);
  }
  return ids;
}

/**
 * Deletes a document's vectors for every model, inside the caller's transaction: its batches are deleted and
 * the packs holding it are written again without its rows. Only awaits requests of that transaction.
 *
 * @example
 * await deleteDocumentVectors(tx.objectStore('vectors'), docId);
 */
export async function deleteDocumentVectors(store: VectorStore, docId: string): Promise<void> {
  const models: string[] = [];
  let cursor = await store.index('by-model').openKeyCursor(null, 'nextunique');
  while (cursor) {
    models.push(cursor.key);
    cursor = await cursor.continue();
  }
  const holding = await Promise.all(
    models.map((modelId) => store.index('by-model-doc').getAll([modelId, docId])),
  );
  await Promise.all(
    holding.flat().map(async (record) => {
      await store.delete(keyOf(record));
      // A batch holds one document; a pack is written again without the document's rows (slices, not read).
      const kept = rowsOf(record).filter((row) => row.docId !== docId);
      if (kept.length > 0) await store.put(packOf(record.modelId, record.dims, kept));
    }),
  );
}

/**
 * Deletes every vector and the meta of one model, in one transaction (before a rebuild).
 *
 * @example
 * if (plan.action === 'rebuild') await clearModelVectors(db, modelId);
 */
export function clearModelVectors(db: SearchDb, modelId: string): Promise<void> {
  return withStorageErrors(async () => {
    const tx = db.transaction(['vectors', 'meta'], 'readwrite');
    const store = tx.objectStore('vectors');
    const keys = await store.index('by-model').getAllKeys(modelId);
    await Promise.all([
      ...keys.map((key) => store.delete(key)),
      tx.objectStore('meta').delete(modelId),
      tx.done,
    ]);
  });
}
