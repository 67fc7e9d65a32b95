/**
 * Rows of stored vector records: where each row's codes, scale and Σ|codes| are, putting the rows of many
 * records in the canonical order, and building packs from rows. Nothing here reads a Blob: a pack's codes are
 * joined from slices of the codes they come from, so packs can be written inside one transaction.
 */
import { codeL1Sums } from '../core/vector/quantize';
import { PACK_INDEX, type VectorPackRecord, type VectorRecord } from './schema';

/**
 * Rows per pack: packs hold whole documents and close once they reach this many rows (16 MiB of codes at 512
 * dims, so 100,000 vectors load from 4 records). IndexedDB costs milliseconds per Blob read; larger packs
 * would save a few more but make deleting a document rewrite more bytes.
 */
export const PACK_ROWS = 32_768;

/** The codes, scales and Σ|codes| of one record's rows. */
export interface RowSource {
  /** Components per row. */
  dims: number;
  /** Row-major int8 codes: in memory (a batch) or a Blob (a pack). */
  codes: Int8Array<ArrayBuffer> | Blob;
  /** One scale per row. */
  scales: Float32Array;
  /** One Σ|codes| per row. */
  codeL1: Int32Array;
}

/** One stored row: its passage and document, and where its codes are. */
export interface StoredRow {
  /** Passage id. */
  id: string;
  /** Document id. */
  docId: string;
  /** The codes, scales and sums of the record holding the row. */
  source: RowSource;
  /** Row within `source`. */
  row: number;
}

/**
 * Whether a record is a pack (whole documents, written by `readVectors`) rather than an indexer batch. Packs
 * of schema version 4 and before (codes in an ArrayBuffer) read as batches.
 */
export function isPack(record: VectorRecord): record is VectorPackRecord {
  return record.codes instanceof Blob;
}

/**
 * Checks that a record's parts fit together (sizes of codes, scales and sums, rows per document); throws a
 * clear message if not. Returns its row count.
 *
 * @example
 * const rows = checkRecord(record);
 */
export function checkRecord(record: VectorRecord): number {
  const { dims, passageIds, docRows, scales } = record;
  const rows = passageIds.length;
  const codesFit = isPack(record)
    ? record.codes.size === rows * dims && record.codeL1.byteLength === 4 * rows
    : record.codes.byteLength === rows * dims;
  const docRowSum = docRows.reduce((sum, count) => sum + count, 0);
  if (!codesFit || scales.byteLength !== 4 * rows || docRowSum !== rows) {
    throw new Error(
      `storage: vector record ${record.docId}@${record.firstIndex} is damaged; clear the index and build it again`,
    );
  }
  return rows;
}

/**
 * Where a record's rows are (views of its bytes, no copy; a batch's sums computed); throws if its parts do not
 * fit together.
 *
 * @example
 * const { codes, scales, codeL1 } = decodeRecord(record);
 */
export function decodeRecord(record: VectorRecord): RowSource {
  const rows = checkRecord(record);
  const { dims } = record;
  const scales = new Float32Array(record.scales);
  if (isPack(record)) return { dims, codes: record.codes, scales, codeL1: new Int32Array(record.codeL1) };
  const codes = new Int8Array(record.codes);
  return { dims, codes, scales, codeL1: codeL1Sums({ dims, rows, codes, scales }) };
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

/**
 * Canonical row order: by document id, then by passage id with shorter ids first (`doc#2` before `doc#10`).
 *
 * @example
 * compareRows({ docId: 'a', id: 'a#2' }, { docId: 'a', id: 'a#10' }); // < 0
 */
export function compareRows(a: Pick<StoredRow, 'id' | 'docId'>, b: Pick<StoredRow, 'id' | 'docId'>): number {
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

/** The rows' codes as one Blob: each run of consecutive rows of one source is one part (a slice or a view). */
function codesBlob(rows: readonly StoredRow[], dims: number): Blob {
  const parts: BlobPart[] = [];
  let start = 0;
  for (let end = 1; end <= rows.length; end++) {
    const first = rows[start]!;
    const next = rows[end];
    if (next && next.source === first.source && next.row === first.row + (end - start)) continue;
    const from = first.row * dims;
    const to = (first.row + end - start) * dims;
    const { codes } = first.source;
    parts.push(codes instanceof Blob ? codes.slice(from, to) : codes.subarray(from, to));
    start = end;
  }
  return new Blob(parts);
}

/**
 * One pack holding these rows: their codes (joined from slices, not read), scales and sums as they are, no
 * re-quantising. Rows of one document must be consecutive.
 *
 * @example
 * packOf('m', 512, rows);
 */
export function packOf(modelId: string, dims: number, rows: readonly StoredRow[]): VectorPackRecord {
  const scales = new Float32Array(rows.length);
  const codeL1 = new Int32Array(rows.length);
  const docKeys: [string, string][] = [];
  const docRows: number[] = [];
  rows.forEach(({ docId, source, row }, i) => {
    scales[i] = source.scales[row]!;
    codeL1[i] = source.codeL1[row]!;
    if (docKeys.at(-1)?.[1] === docId) docRows[docRows.length - 1]!++;
    else {
      docKeys.push([modelId, docId]);
      docRows.push(1);
    }
  });
  return {
    modelId,
    docId: rows[0]!.docId,
    firstIndex: PACK_INDEX,
    passageIds: rows.map((row) => row.id),
    docKeys,
    docRows,
    dims,
    codes: codesBlob(rows, dims),
    scales: scales.buffer,
    codeL1: codeL1.buffer,
  };
}

/**
 * Packs rows (in canonical order) into records of whole documents, each closed once it holds
 * {@link PACK_ROWS} rows or more.
 *
 * @example
 * const packs = packRecords('m', 512, canonicalRows(records));
 */
export function packRecords(modelId: string, dims: number, rows: readonly StoredRow[]): VectorPackRecord[] {
  const packs: VectorPackRecord[] = [];
  let start = 0;
  for (let end = 1; end <= rows.length; end++) {
    const docEnds = end === rows.length || rows[end]!.docId !== rows[end - 1]!.docId;
    if (docEnds && (end - start >= PACK_ROWS || end === rows.length)) {
      packs.push(packOf(modelId, dims, rows.slice(start, end)));
      start = end;
    }
  }
  return packs;
}
