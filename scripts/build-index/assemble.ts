/**
 * Documents with their passages and vectors → the contents of an `.ossindex`, in one canonical order
 * (documents by source name), so a single build and a merge of shards write the same index.
 */
import type { IndexFileContents } from '../../src/core/index-file';
import type { Passage, StoredDocument } from '../../src/core/types';
import { Library } from '../../workers/library';

/** One indexed document: what the app stores for it, and its passage vectors in passage order. */
export interface DocumentRecord {
  /** The stored document. */
  document: StoredDocument;
  /** Its passages, in order. */
  passages: Passage[];
  /** `passages.length × dims` unit vectors, row i for passage i. */
  vectors: Float32Array;
}

/**
 * Orders the records by source name, drops repeated documents (same content id: the first source
 * wins, as the app keeps the first copy added), and builds the keyword index the app would build.
 *
 * @example
 * const bytes = encodeIndexFile(assembleIndex(records, { id: 'fixture-tiny', dims: 64 }, '0.1.0'));
 */
export function assembleIndex(
  records: readonly DocumentRecord[],
  model: { id: string; dims: number },
  appVersion: string,
): IndexFileContents {
  const bySource = [...records].sort((a, b) =>
    a.document.source < b.document.source ? -1 : a.document.source > b.document.source ? 1 : 0,
  );
  const seen = new Set<string>();
  const kept = bySource.filter((record) => !seen.has(record.document.id) && seen.add(record.document.id));
  const passages = kept.flatMap((record) => record.passages);
  const vectors = new Float32Array(passages.length * model.dims);
  let row = 0;
  for (const record of kept) {
    vectors.set(record.vectors, row * model.dims);
    row += record.passages.length;
  }
  const library = new Library();
  library.load(
    kept.map((record) => record.document),
    passages,
  );
  return {
    appVersion,
    createdAt: Date.now(),
    model,
    documents: kept.map((record) => record.document),
    passages,
    keywordIndex: library.saveKeywordIndex(),
    vectorIds: passages.map((passage) => passage.id),
    vectors,
  };
}

/**
 * Splits an index's contents back into per-document records (for merging shard files).
 *
 * @example
 * const records = recordsOf(decodeIndexFile(bytes));
 */
export function recordsOf(contents: IndexFileContents): DocumentRecord[] {
  const { dims } = contents.model;
  const rowOf = new Map(contents.vectorIds.map((id, row) => [id, row]));
  const passagesByDoc = new Map<string, Passage[]>();
  for (const passage of contents.passages) {
    passagesByDoc.set(passage.docId, [...(passagesByDoc.get(passage.docId) ?? []), passage]);
  }
  return contents.documents.map((document) => {
    const passages = passagesByDoc.get(document.id) ?? [];
    const vectors = new Float32Array(passages.length * dims);
    passages.forEach((passage, i) => {
      const row = rowOf.get(passage.id);
      if (row === undefined) throw new Error(`the index has no vector for passage ${passage.id}`);
      vectors.set(contents.vectors.subarray(row * dims, (row + 1) * dims), i * dims);
    });
    return { document, passages, vectors };
  });
}
