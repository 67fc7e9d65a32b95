/**
 * Times loading vectors from IndexedDB with the app's storage code: `putVectorBatch` writes them as the
 * indexer does (records of up to 16 rows of one document), the first load folds those into packs (timed as
 * `packMs`), then later loads, as at every start, are timed: `readVectors` and the searchable
 * `VectorMatrix` over its rows. The same records read with IndexedDB alone (`rawMs`) show what bounds it.
 * Last, one document of {@link ADDED_ROWS} passages is added as the indexer stores it and the next load, which
 * folds it into the packs, is timed (`addMs`): what a person who adds one file to a large index waits for.
 */
import { VectorMatrix } from '../core/vector/matrix';
import { openSearchDb, putVectorBatch, readVectors, type SearchDb, type VectorRecord } from '../storage';
import type { IdbBenchRequest, IdbBenchResult } from './protocol';
import { randomUnitVectors } from '../core/random';
import { DATA_SEED } from './random';
import { medianMs } from './stats';

/** Separate database, so the app's own is never touched. */
const BENCH_DB = 'semantic-search-bench';
const MODEL_ID = 'bench-model';
/** Rows per record: the indexer's largest batch. */
const ROWS_PER_RECORD = 16;
/** Passages per simulated document. */
const ROWS_PER_DOC = 64;
/** Passages of the document added to the packed rows. */
const ADDED_ROWS = 20;

/** Deletes a database (resolves when it is gone). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
  });
}

/**
 * Bytes of a vector record's codes, scales, Σ|codes| (packs) and passage ids (UTF-16), as stored.
 *
 * @example
 * vectorRecordBytes(pack); // about 546 per 512-d row
 */
export function vectorRecordBytes(record: VectorRecord): number {
  const { codes, scales, passageIds } = record;
  const sums = 'codeL1' in record ? record.codeL1.byteLength : 0;
  const codeBytes = codes instanceof Blob ? codes.size : codes.byteLength;
  return codeBytes + scales.byteLength + sums + 2 * passageIds.join('').length;
}

/** Bytes of every vector record, as stored ({@link vectorRecordBytes}). */
async function payloadBytes(db: SearchDb): Promise<number> {
  let bytes = 0;
  for await (const cursor of db.transaction('vectors').store.iterate()) {
    bytes += vectorRecordBytes(cursor.value);
  }
  return bytes;
}

/** Stores rows of one document from passage `firstIndex` on, as the indexer does (one batch record). */
function putRows(db: SearchDb, docId: string, firstIndex: number, data: Float32Array, dims: number) {
  const rows = data.length / dims;
  const passageIds = Array.from({ length: rows }, (_, i) => `${docId}#${firstIndex + i}`);
  return putVectorBatch(db, { modelId: MODEL_ID, docId, firstIndex, passageIds, dims, data });
}

/** Loads a model's vectors as a start does: `readVectors`, then the searchable matrix. Returns its rows. */
async function loadMatrix(db: SearchDb, dims: number): Promise<number> {
  const stored = await readVectors(db, MODEL_ID);
  return VectorMatrix.fromRows(stored.passageIds, stored.rows, dims).size;
}

/** Reads every vector record of the bench model with IndexedDB alone (`getAll`, then any Blob's bytes). */
async function readRaw(db: SearchDb): Promise<void> {
  const records = await db.transaction('vectors').store.index('by-model').getAll(MODEL_ID);
  await Promise.all(
    records
      .flatMap((record) => Object.values(record).filter((value) => value instanceof Blob))
      .map((blob) => blob.arrayBuffer()),
  );
}

/**
 * Writes `request.vectors` random vectors to a fresh bench database, times loading them, deletes it.
 *
 * @example
 * await runIdbBench({ vectors: 100_000, dims: 512, runs: 3 }); // { ms: 450, packMs: 9000, addMs: 500, rows: 100000, … }
 */
export async function runIdbBench(request: IdbBenchRequest): Promise<IdbBenchResult> {
  const { vectors: count, dims, runs } = request;
  await deleteDatabase(BENCH_DB);
  const db = await openSearchDb({ name: BENCH_DB });
  try {
    const vectors = randomUnitVectors(count + ADDED_ROWS, dims, DATA_SEED);
    for (let first = 0; first < count; first += ROWS_PER_RECORD) {
      const docId = `doc-${String(Math.floor(first / ROWS_PER_DOC)).padStart(6, '0')}`;
      const rows = Math.min(ROWS_PER_RECORD, count - first);
      await putRows(
        db,
        docId,
        first % ROWS_PER_DOC,
        vectors.subarray(first * dims, (first + rows) * dims),
        dims,
      );
    }
    const packMs = await medianMs(0, 1, () => loadMatrix(db, dims));
    let rows = 0;
    const ms = await medianMs(0, runs, async () => {
      rows = await loadMatrix(db, dims);
    });
    const rawMs = await medianMs(0, runs, () => readRaw(db));
    const bytesPerVector = (await payloadBytes(db)) / count;
    // Sorts among the first documents, so a fold that kept every pack in one order would rewrite a full pack.
    const added = 'doc-000001+';
    for (let first = 0; first < ADDED_ROWS; first += ROWS_PER_RECORD) {
      const rows = Math.min(ROWS_PER_RECORD, ADDED_ROWS - first);
      const at = (count + first) * dims;
      await putRows(db, added, first, vectors.subarray(at, at + rows * dims), dims);
    }
    let addedRows = 0;
    const addMs = await medianMs(0, 1, async () => {
      addedRows = await loadMatrix(db, dims);
    });
    if (addedRows !== count + ADDED_ROWS)
      throw new Error(`loaded ${addedRows} of ${count + ADDED_ROWS} rows`);
    return { ms, rawMs, packMs, addMs, rows, bytesPerVector };
  } finally {
    db.close();
    await deleteDatabase(BENCH_DB);
  }
}
