/**
 * Rows of stored vector records: decoding a record's int8 codes, putting the rows of many records in the
 * canonical order, and building records (batches and packs) from rows without touching their codes.
 */
import type { QuantizedMatrix } from '../core/vector/quantize';
import { PACK_INDEX, type VectorRecord } from './schema';

/** Rows per pack: packs hold whole documents and close once they reach this many rows. */
export const PACK_ROWS = 2048;

/** One stored row: its passage and document, and where its codes are. */
export interface StoredRow {
  /** Passage id. */
  id: string;
  /** Document id. */
  docId: string;
  /** The codes and scales of the record holding the row. */
  source: QuantizedMatrix;
  /** Row within `source`. */
  row: number;
}

/** Whether a record is a pack (whole documents, written by `readVectors`) rather than an indexer batch. */
export function isPack(record: VectorRecord): boolean {
  return record.firstIndex === PACK_INDEX;
}

/**
 * A record's codes and scales as a {@link QuantizedMatrix} (views, no copy); throws if they do not fit.
 *
 * @example
 * const { codes, scales } = decodeRecord(record);
 */
export function decodeRecord(record: VectorRecord): QuantizedMatrix {
  const { dims, passageIds, docRows } = record;
  const rows = passageIds.length;
  const codes = new Int8Array(record.codes);
  const scales = new Float32Array(record.scales);
  const docRowSum = docRows.reduce((sum, count) => sum + count, 0);
  if (codes.length !== rows * dims || scales.length !== rows || docRowSum !== rows) {
    throw new Error(
      `storage: vector record ${record.docId}@${record.firstIndex} is damaged; clear the index and build it again`,
    );
  }
  return { dims, rows, codes, scales };
}

/**
 * Every row of a record, in row order.
 *
 * @example
 * rowsOf(record).map((row) => row.id); // record.passageIds
 */
export function rowsOf(record: VectorRecord): StoredRow[] {
  const source = decodeRecord(record);
  const docOfRow = record.docKeys.flatMap(([, docId], i) => Array<string>(record.docRows[i]!).fill(docId));
  return record.passageIds.map((id, row) => ({ id, docId: docOfRow[row]!, source, row }));
}

/** Canonical row order: by document id, then by passage id with shorter ids first (`doc#2` before `doc#10`). */
function compareRows(a: StoredRow, b: StoredRow): number {
  if (a.docId !== b.docId) return a.docId < b.docId ? -1 : 1;
  if (a.id.length !== b.id.length) return a.id.length - b.id.length;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The rows of all records (given in key order) in canonical order, which does not depend on how passages were
 * batched: by document id, then by passage id, shorter ids first (passage index order for `${docId}#${index}`
 * ids). A passage stored twice appears once (its first copy). Packs are already in this order, so the
 * (stable, run-detecting) sort is linear for them.
 *
 * @example
 * const rows = canonicalRows(await store.index('by-model').getAll(modelId));
 */
export function canonicalRows(records: readonly VectorRecord[]): StoredRow[] {
  const sorted = records.flatMap(rowsOf).sort(compareRows);
  return sorted.filter((row, i) => i === 0 || row.id !== sorted[i - 1]!.id);
}

/**
 * The rows' codes and scales copied, as they are, into one contiguous matrix in the given order.
 *
 * @example
 * matrixOf(canonicalRows(records), 512).codes.length; // rows × 512
 */
export function matrixOf(
  rows: readonly StoredRow[],
  dims: number,
): QuantizedMatrix & { codes: Int8Array<ArrayBuffer>; scales: Float32Array<ArrayBuffer> } {
  const codes = new Int8Array(rows.length * dims);
  const scales = new Float32Array(rows.length);
  rows.forEach(({ source, row }, i) => {
    codes.set(source.codes.subarray(row * dims, (row + 1) * dims), i * dims);
    scales[i] = source.scales[row]!;
  });
  return { dims, rows: rows.length, codes, scales };
}

/**
 * One record holding these rows (their codes and scales copied as they are, no re-quantising). Rows of one
 * document must be consecutive.
 *
 * @example
 * recordOf('m', 512, rows, PACK_INDEX);
 */
export function recordOf(
  modelId: string,
  dims: number,
  rows: readonly StoredRow[],
  firstIndex: number,
): VectorRecord {
  const { codes, scales } = matrixOf(rows, dims);
  const docKeys: [string, string][] = [];
  const docRows: number[] = [];
  rows.forEach(({ docId }) => {
    if (docKeys.at(-1)?.[1] === docId) docRows[docRows.length - 1]!++;
    else {
      docKeys.push([modelId, docId]);
      docRows.push(1);
    }
  });
  return {
    modelId,
    docId: rows[0]!.docId,
    firstIndex,
    passageIds: rows.map((row) => row.id),
    docKeys,
    docRows,
    dims,
    codes: codes.buffer,
    scales: scales.buffer,
  };
}

/**
 * Packs rows (in canonical order) into records of whole documents, each closed once it holds
 * {@link PACK_ROWS} rows or more.
 *
 * @example
 * const packs = packRecords('m', 512, canonicalRows(records));
 */
export function packRecords(modelId: string, dims: number, rows: readonly StoredRow[]): VectorRecord[] {
  const packs: VectorRecord[] = [];
  let start = 0;
  for (let end = 1; end <= rows.length; end++) {
    const docEnds = end === rows.length || rows[end]!.docId !== rows[end - 1]!.docId;
    if (docEnds && (end - start >= PACK_ROWS || end === rows.length)) {
      packs.push(recordOf(modelId, dims, rows.slice(start, end), PACK_INDEX));
      start = end;
    }
  }
  return packs;
}
