/**
 * Loading a model's vectors: the pack records' codes are read (one Blob each) and copied once, pack by pack,
 * straight into the WebAssembly memory the search scans, with the scales and Σ|codes| stored next to them, so
 * nothing is recomputed and no second copy of the codes is built. Batches are folded into packs first
 * (`vector-fold.ts`: into the pack holding their document or the smallest open one, not all packs).
 */
import type { IDBPTransaction } from 'idb';
import type { IndexMeta } from '../core/types';
import { Int8Rows } from '../core/vector/int8-rows';
import { withStorageErrors } from './errors';
import {
  PACK_INDEX,
  type SearchDb,
  type SearchDbSchema,
  type VectorPackRecord,
  type VectorRecord,
} from './schema';
import { planFold } from './vector-fold';
import { checkRecord, isPack } from './vector-rows';
import { foldIntoPacks } from './vectors';

/** Every vector of one model, as stored. */
export interface StoredVectors {
  /** Passage ids, one per row of `rows`. */
  passageIds: string[];
  /**
   * The rows as stored: int8 codes (in WebAssembly memory), one scale and one Σ|codes| per row; each
   * component within half its row's scale (max|x| / 254) of the float that was embedded. `undefined` when
   * nothing is stored for the model and it has no meta (its dims are unknown).
   */
  rows: Int8Rows | undefined;
}

/**
 * All vectors of a model, with the passage id of each row. Rows are grouped by pack, packs in key order (by
 * their first document); within a pack, rows are in canonical order: by document id, then by passage id with
 * shorter ids first (passage index order for `${docId}#${index}` ids). Each document's rows are consecutive,
 * the order does not depend on how passages were batched, and a passage stored twice appears once. When batch
 * records are found (their keys are read first), they are folded into packs, in one transaction with the read,
 * rewriting only the pack that takes them (if that write fails, for example on a full disk, the rows are
 * returned all the same).
 *
 * @example
 * const { passageIds, rows } = await readVectors(db, modelId);
 * const matrix = VectorMatrix.fromRows(passageIds, rows, 512);
 */
export async function readVectors(db: SearchDb, modelId: string): Promise<StoredVectors> {
  const keys = await db.getAllKeysFromIndex('vectors', 'by-model', modelId);
  if (keys.every(([, , firstIndex]) => firstIndex === PACK_INDEX)) {
    const { records, dims } = await readRecords(db.transaction(['vectors', 'meta']), modelId);
    if (records.every(isPack)) return loadPacks(records, dims);
  }
  // Batches (or packs of schema 4) to fold: read and fold in one read-write transaction.
  const folded = await withStorageErrors(() => foldModel(db, modelId)).catch(() => undefined);
  if (folded) return loadPacks(folded.packs, folded.dims);
  const { records, dims } = await readRecords(db.transaction(['vectors', 'meta']), modelId);
  return loadPacks(planFold(modelId, dims, records).packs, dims);
}

/** A transaction over the vectors and the meta, read-only or read-write. */
type VectorsAndMeta = IDBPTransaction<SearchDbSchema, ['vectors', 'meta'], 'readonly' | 'readwrite'>;

/** Every record of a model, in key order, and the dims they share (or the meta's, when there are none). */
async function readRecords(
  tx: VectorsAndMeta,
  modelId: string,
): Promise<{ records: VectorRecord[]; dims: number }> {
  const [records, meta] = await Promise.all([
    tx.objectStore('vectors').index('by-model').getAll(modelId),
    tx.objectStore('meta').get(modelId),
  ]);
  return { records, dims: checkedDims(modelId, records, meta) };
}

/** Folds a model's batches into its packs, in one transaction; returns every pack, in key order, and the dims. */
async function foldModel(
  db: SearchDb,
  modelId: string,
): Promise<{ packs: VectorPackRecord[]; dims: number }> {
  const tx = db.transaction(['vectors', 'meta'], 'readwrite');
  const { records, dims } = await readRecords(tx, modelId);
  const { packs, written } = foldIntoPacks(tx.objectStore('vectors'), modelId, dims, records);
  await Promise.all([written, tx.done]);
  return { packs, dims };
}

/**
 * The packs' rows, in order, in one {@link Int8Rows} of their total size: each pack's codes are copied into
 * place as soon as they are read, while the next pack is being read, so at most two packs' codes exist
 * outside the rows (reading ahead saved about 50 ms of 300 at 100,000 rows).
 */
async function loadPacks(packs: readonly VectorPackRecord[], dims: number): Promise<StoredVectors> {
  if (dims === 0) return { passageIds: [], rows: undefined };
  const rows = new Int8Rows(
    dims,
    packs.reduce((total, pack) => total + checkRecord(pack), 0),
  );
  const read = (pack: VectorPackRecord | undefined) => {
    const bytes = pack?.codes.arrayBuffer();
    bytes?.catch(() => undefined); // a failure is thrown where it is awaited, not reported as unhandled
    return bytes;
  };
  let next = read(packs[0]);
  for (const [i, pack] of packs.entries()) {
    const codes = new Int8Array((await next)!);
    next = read(packs[i + 1]);
    const scales = new Float32Array(pack.scales);
    rows.append({ dims, rows: scales.length, codes, scales }, new Int32Array(pack.codeL1));
  }
  return { passageIds: packs.flatMap((pack) => pack.passageIds), rows };
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
