/**
 * Embedding vectors, stored as int8 codes with one scale per row. The indexer writes one batch record per
 * embedded batch of one document's passages; reading folds batches into a few large pack records (loading
 * 100,000 vectors from a few dozen records instead of thousands) and returns every row of a model as one
 * contiguous int8 matrix, as stored (no float copy).
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import { quantizeInt8, type QuantizedMatrix } from '../core/vector/quantize';
import { rowCount } from '../core/vector/shape';
import { withStorageErrors } from './errors';
import type { IndexMeta } from '../core/types';
import type { SearchDb, SearchDbSchema, VectorRecord } from './schema';
import {
  canonicalRows,
  isPack,
  matrixOf,
  packRecords,
  recordOf,
  rowsOf,
  type StoredRow,
} from './vector-rows';

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

/** Every vector of one model, packed. */
export interface StoredVectors {
  /** Passage ids, one per row of `quantized`. */
  passageIds: string[];
  /**
   * The rows as stored: int8 codes and one scale per row, each component within half its row's scale
   * (max|x| / 254) of the float that was embedded. `dims` is 0 when nothing is stored for the model and it
   * has no meta.
   */
  quantized: QuantizedMatrix;
}

/** The vectors store inside a read-write transaction over several stores. */
export type VectorStore = IDBPObjectStore<SearchDbSchema, ArrayLike<StoredNames>, 'vectors', 'readwrite'>;
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
  let records: VectorRecord[];
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
export function batchRecord(batch: VectorBatch): VectorRecord {
  const { modelId, docId, firstIndex, passageIds, dims, data } = batch;
  const rows = rowCount(data, dims);
  if (rows !== passageIds.length || rows === 0) {
    throw new Error(`storage: ${passageIds.length} passage ids for ${rows} vectors`);
  }
  const source = quantizeInt8(data, dims);
  const stored: StoredRow[] = passageIds.map((id, row) => ({ id, docId, source, row }));
  return recordOf(modelId, dims, stored, firstIndex);
}

/**
 * All vectors of a model as one contiguous int8 matrix (codes and row scales), with the passage id of each row. Rows are in a
 * canonical order that does not depend on how passages were batched: by document id, then by passage id
 * with shorter ids first (passage index order for `${docId}#${index}` ids). A passage stored twice appears
 * once. When batch records are found, they are folded into packs first, in one transaction with the read
 * (if that write fails, for example on a full disk, the rows are returned all the same).
 *
 * @example
 * const { passageIds, quantized } = await readVectors(db, modelId);
 * const matrix = VectorMatrix.fromQuantized(passageIds, quantized);
 */
export async function readVectors(db: SearchDb, modelId: string): Promise<StoredVectors> {
  const tx = db.transaction(['vectors', 'meta']);
  const [records, meta] = await Promise.all([
    tx.objectStore('vectors').index('by-model').getAll(modelId),
    tx.objectStore('meta').get(modelId),
  ]);
  const dims = checkedDims(modelId, records, meta);
  if (records.every(isPack)) return contiguous(canonicalRows(records), dims);
  const packed = await withStorageErrors(() => packModel(db, modelId)).catch(() => undefined);
  return packed ?? contiguous(canonicalRows(records), dims);
}

/** Rewrites every record of a model as packs, in one transaction, and returns its vectors. */
async function packModel(db: SearchDb, modelId: string): Promise<StoredVectors> {
  const tx = db.transaction(['vectors', 'meta'], 'readwrite');
  const store = tx.objectStore('vectors');
  const [records, keys, meta] = await Promise.all([
    store.index('by-model').getAll(modelId),
    store.index('by-model').getAllKeys(modelId),
    tx.objectStore('meta').get(modelId),
  ]);
  const dims = checkedDims(modelId, records, meta);
  const rows = canonicalRows(records);
  const packs = packRecords(modelId, dims, rows);
  await Promise.all([
    ...keys.map((key) => store.delete(key)),
    ...packs.map((pack) => store.put(pack)),
    tx.done,
  ]);
  return contiguous(rows, dims);
}

/** The dims all records share (or the meta's, when there are none); throws on a mix. */
function checkedDims(modelId: string, records: readonly VectorRecord[], meta: IndexMeta | undefined): number {
  const dims = records[0]?.dims ?? meta?.dims ?? 0;
  const mixed = records.find((record) => record.dims !== dims);
  if (mixed) {
    throw new Error(
      `storage: vectors of ${modelId} have ${dims} and ${mixed.dims} dims; clear them and index again`,
    );
  }
  return dims;
}

/** The rows as one matrix, in the given order. */
function contiguous(rows: readonly StoredRow[], dims: number): StoredVectors {
  return { passageIds: rows.map(({ id }) => id), quantized: matrixOf(rows, dims) };
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
      await store.delete([record.modelId, record.docId, record.firstIndex]);
      const kept = rowsOf(record).filter((row) => row.docId !== docId);
      if (kept.length > 0) await store.put(recordOf(record.modelId, record.dims, kept, record.firstIndex));
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
