/**
 * Embedding vectors: one record per embedded batch of one document's passages, holding int8 codes and one
 * scale per row. Reading dequantises every record of a model into one contiguous Float32Array.
 */
import { dequantizeRowInto, quantizeInt8, type QuantizedMatrix } from '../core/vector/quantize';
import { rowCount } from '../core/vector/shape';
import { withStorageErrors } from './errors';
import type { SearchDb, VectorRecord } from './schema';

/** Input of {@link putVectorBatch}: a {@link VectorRecord} with the vectors as a Float32Array. */
export interface VectorBatch extends Omit<VectorRecord, 'codes' | 'scales' | 'passageIds'> {
  /** Passage ids, all of document `docId`, one per row of `data`. */
  passageIds: readonly string[];
  /** `passageIds.length * dims` floats, row-major. */
  data: Float32Array;
}

/** Every vector of one model, packed. */
export interface StoredVectors {
  /** Passage ids, one per row of `vectors`. */
  passageIds: string[];
  /** Components per vector (0 when nothing is stored for the model and it has no meta). */
  dims: number;
  /**
   * `passageIds.length * dims` floats in one contiguous array: the stored int8 rows dequantised, each
   * component within half its row's scale (max|x| / 254) of the float that was stored.
   */
  vectors: Float32Array;
}

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
    records = batches.map(toRecord);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  return withStorageErrors(async () => {
    const tx = db.transaction('vectors', 'readwrite', { durability: 'relaxed' });
    await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
  });
}

function toRecord(batch: VectorBatch): VectorRecord {
  const { modelId, docId, firstIndex, passageIds, dims, data } = batch;
  const rows = rowCount(data, dims);
  if (rows !== passageIds.length || rows === 0) {
    throw new Error(`storage: ${passageIds.length} passage ids for ${rows} vectors`);
  }
  return { modelId, docId, firstIndex, passageIds: [...passageIds], dims, ...encodeVectors(data, dims) };
}

/**
 * The stored form of packed float rows: int8 codes and one float32 scale per row (`quantizeInt8`).
 *
 * @example
 * const { codes, scales } = encodeVectors(data, 512); // codes.byteLength === data.length
 */
export function encodeVectors(data: Float32Array, dims: number): Pick<VectorRecord, 'codes' | 'scales'> {
  const { codes, scales } = quantizeInt8(data, dims);
  return { codes: codes.buffer as ArrayBuffer, scales: scales.buffer as ArrayBuffer };
}

/** A record's codes and scales as a {@link QuantizedMatrix} (views, no copy); throws if they do not fit. */
function decodeRecord(record: VectorRecord): QuantizedMatrix {
  const { dims, passageIds } = record;
  const rows = passageIds.length;
  const codes = new Int8Array(record.codes);
  const scales = new Float32Array(record.scales);
  if (codes.length !== rows * dims || scales.length !== rows) {
    throw new Error(
      `storage: vector record ${record.docId}@${record.firstIndex} is damaged; clear the index and build it again`,
    );
  }
  return { dims, rows, codes, scales };
}

/**
 * All vectors of a model in one contiguous Float32Array (preallocated, filled with `set`), with the
 * passage id of each row. Rows are in a canonical order that does not depend on how passages were
 * batched: by document id, then by passage id with shorter ids first (passage index order for
 * `${docId}#${index}` ids). A passage stored twice appears once.
 *
 * @example
 * const { passageIds, dims, vectors } = await readVectors(db, modelId);
 * const matrix = VectorMatrix.fromPacked(passageIds, vectors, dims);
 */
export async function readVectors(db: SearchDb, modelId: string): Promise<StoredVectors> {
  const tx = db.transaction(['vectors', 'meta']);
  const [records, meta] = await Promise.all([
    tx.objectStore('vectors').index('by-model').getAll(modelId),
    tx.objectStore('meta').get(modelId),
  ]);
  const dims = records[0]?.dims ?? meta?.dims ?? 0;
  const mixed = records.find((record) => record.dims !== dims);
  if (mixed) {
    throw new Error(
      `storage: vectors of ${modelId} have ${dims} and ${mixed.dims} dims; clear them and index again`,
    );
  }
  const rows = canonicalRows(records);
  const vectors = new Float32Array(rows.length * dims);
  rows.forEach(({ source, row }, i) => dequantizeRowInto(source, row, vectors, i * dims));
  return { passageIds: rows.map(({ id }) => id), dims, vectors };
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

/** One row to copy: its passage id, the record's rows and the row within them. */
interface RowRef {
  id: string;
  source: QuantizedMatrix;
  row: number;
}

/** Rows of records (given in key order, so grouped by document) in canonical order, first copy of each id only. */
function canonicalRows(records: readonly VectorRecord[]): RowRef[] {
  const rows: RowRef[] = [];
  const seen = new Set<string>();
  let docStart = 0;
  records.forEach((record, r) => {
    const source = decodeRecord(record);
    record.passageIds.forEach((id, row) => {
      if (seen.has(id)) return;
      seen.add(id);
      rows.push({ id, source, row });
    });
    if (records[r + 1]?.docId !== record.docId) {
      sortById(rows, docStart);
      docStart = rows.length;
    }
  });
  return rows;
}

/** Sorts `rows` from `start` on by passage id: shorter first, then by code units. */
function sortById(rows: RowRef[], start: number): void {
  const tail = rows
    .splice(start)
    .sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  rows.push(...tail);
}
