/**
 * Small records: index meta per model, serialised keyword indexes, and wiping everything.
 */
import type { IndexMeta } from '../core/types';
import { withStorageErrors } from './errors';
import type { SearchDb } from './schema';

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

/**
 * Stores a serialised keyword index under a name.
 *
 * @example
 * await putKeywordIndex(db, 'bm25-zh', JSON.stringify(miniSearch));
 */
export function putKeywordIndex(db: SearchDb, name: string, json: string): Promise<void> {
  return withStorageErrors(async () => {
    await db.put('keyword', { name, json });
  });
}

/**
 * The serialised keyword index stored under a name, or `undefined`.
 *
 * @example
 * const json = await getKeywordIndex(db, 'bm25-zh');
 */
export async function getKeywordIndex(db: SearchDb, name: string): Promise<string | undefined> {
  return (await db.get('keyword', name))?.json;
}

/**
 * Deletes every record of every store (documents, passages, vectors, meta, keyword), in one transaction.
 *
 * @example
 * await clearAll(db);
 */
export async function clearAll(db: SearchDb): Promise<void> {
  const names = ['documents', 'passages', 'vectors', 'meta', 'keyword'] as const;
  const tx = db.transaction(names, 'readwrite');
  await Promise.all([...names.map((name) => tx.objectStore(name).clear()), tx.done]);
}
