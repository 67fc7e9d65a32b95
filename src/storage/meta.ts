/**
 * Small records: index meta per model, keyword indexes in parts, and wiping everything.
 */
import {
  KEYWORD_INDEX_VERSION,
  type KeywordSnapshot,
  type KeywordTermPart,
} from '../core/search/keyword-snapshot';
import type { IndexMeta } from '../core/types';
import { withStorageErrors } from './errors';
import type { SearchDb, StoredTermPart } from './schema';

/**
 * The stored meta of a model's vectors, or `undefined`.
 *
 * @example
 * const meta = await getIndexMeta(db, modelId);
 */
export function getIndexMeta(db: SearchDb, modelId: string): Promise<IndexMeta | undefined> {
  return db.get('meta', modelId);
}

/**
 * Stores (replaces) the meta of a model's vectors. Write it with `complete: false` before the first
 * batch so an interrupted run can resume, and with `complete: true` at the end.
 *
 * @example
 * await putIndexMeta(db, { modelId, dims: 512, corpusHash, passageCount, complete: true, updatedAt: Date.now() });
 */
export function putIndexMeta(db: SearchDb, meta: IndexMeta): Promise<void> {
  return withStorageErrors(async () => {
    await db.put('meta', meta);
  });
}

/** The keys of every part of the keyword index `name`. */
function partsOf(name: string): IDBKeyRange {
  return IDBKeyRange.bound([name, 0], [name, Infinity]);
}

/**
 * Stores a keyword index in parts under a name, replacing the parts stored before, in one transaction
 * (a reader sees the old index or the new one, never a mix). Each part's postings go in one Blob (slots,
 * then frequencies): IndexedDB reads Blobs several times faster than typed arrays.
 *
 * @example
 * await putKeywordSnapshot(db, 'passages', snapshotKeywordIndex(index, documentFingerprints(passages)));
 */
export function putKeywordSnapshot(
  db: SearchDb,
  name: string,
  { head, parts }: KeywordSnapshot,
): Promise<void> {
  return withStorageErrors(async () => {
    const tx = db.transaction('keywordParts', 'readwrite');
    await Promise.all([
      tx.store.delete(partsOf(name)),
      tx.store.put({ name, part: 0, head }),
      ...parts.map(({ terms, termEnds, counts, slots, frequencies }, i) =>
        tx.store.put({
          name,
          part: i + 1,
          terms,
          termEnds,
          counts,
          postings: new Blob([slots, frequencies]),
        }),
      ),
      tx.done,
    ]);
  });
}

/** A stored part's postings, back as slots and frequencies (views of one buffer). */
async function readPart({ terms, termEnds, counts, postings }: StoredTermPart): Promise<KeywordTermPart> {
  const bytes = await postings.arrayBuffer();
  const count = bytes.byteLength / 5;
  if (!Number.isInteger(count)) throw new Error('keyword-index: a damaged part');
  return {
    terms,
    termEnds,
    counts,
    slots: new Uint32Array(bytes, 0, count),
    frequencies: new Uint8Array(bytes, count * 4, count),
  };
}

/**
 * The keyword index stored in parts under a name, or `undefined` (none, one of an older format, or one
 * whose postings cannot be read back: the app then rebuilds it from the passages, losing nothing).
 *
 * @example
 * const snapshot = await getKeywordSnapshot(db, 'passages');
 */
export async function getKeywordSnapshot(db: SearchDb, name: string): Promise<KeywordSnapshot | undefined> {
  const [first, ...rest] = await db.getAll('keywordParts', partsOf(name));
  if (first === undefined || !('head' in first) || first.head.version !== KEYWORD_INDEX_VERSION)
    return undefined;
  const stored = rest.flatMap((record) => ('postings' in record ? [record] : []));
  try {
    return { head: first.head, parts: await Promise.all(stored.map(readPart)) };
  } catch {
    return undefined;
  }
}

/**
 * Deletes every record of every store (documents, passages, vectors, meta, keyword parts), in one
 * transaction.
 *
 * @example
 * await clearAll(db);
 */
export async function clearAll(db: SearchDb): Promise<void> {
  const names = ['documents', 'passages', 'vectors', 'meta', 'keywordParts'] as const;
  const tx = db.transaction(names, 'readwrite');
  await Promise.all([...names.map((name) => tx.objectStore(name).clear()), tx.done]);
}
