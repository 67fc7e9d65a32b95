/**
 * Groups packed vector rows into one record per document, the unit vectors are stored in.
 */
import { parsePassageId } from '../passage-id';

/** One document's rows out of a packed matrix. */
export interface DocumentRows {
  /** Document id. */
  docId: string;
  /** Smallest passage index among the rows. */
  firstIndex: number;
  /** Passage id of each row, in the input's order. */
  passageIds: string[];
  /** The rows, packed `passageIds.length × dims`. */
  data: Float32Array;
}

/**
 * Splits packed rows (one per id) by the document their passage id names, keeping the input order inside
 * each document and ordering documents by first appearance.
 *
 * @example
 * groupRowsByDocument(['a#0', 'b#0', 'a#1'], vectors, 512); // [{ docId: 'a', firstIndex: 0, passageIds: ['a#0', 'a#1'], data }, { docId: 'b', … }]
 */
export function groupRowsByDocument(
  ids: readonly string[],
  vectors: Float32Array,
  dims: number,
): DocumentRows[] {
  const rowsByDoc = new Map<string, number[]>();
  ids.forEach((id, row) => {
    const { docId } = parsePassageId(id);
    const rows = rowsByDoc.get(docId);
    if (rows) rows.push(row);
    else rowsByDoc.set(docId, [row]);
  });
  return [...rowsByDoc].map(([docId, rows]) => {
    const data = new Float32Array(rows.length * dims);
    rows.forEach((row, i) => data.set(vectors.subarray(row * dims, (row + 1) * dims), i * dims));
    const passageIds = rows.map((row) => ids[row] as string);
    const firstIndex = Math.min(...passageIds.map((id) => parsePassageId(id).index));
    return { docId, firstIndex, passageIds, data };
  });
}
