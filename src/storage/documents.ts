/**
 * Documents and their passages. A document, its passages and its vectors change together, in one
 * transaction, so a crash never leaves passages without their document or vectors of passages that changed.
 */
import type { Passage, StoredDocument } from '../core/types';
import { withStorageErrors } from './errors';
import type { SearchDb } from './schema';
import { deleteDocumentVectors } from './vectors';

/**
 * Stores a document with its passages (replacing any stored version of it). If the stored passages
 * differ (ids or text), the document's vectors for every model are deleted too, so they get re-embedded.
 * Resolves to whether vectors were dropped.
 *
 * @example
 * await putDocument(db, { ...cleanDoc, size, origin: 'user', hidden: false, raw, addedAt: Date.now() }, passages);
 */
export function putDocument(
  db: SearchDb,
  doc: StoredDocument,
  passages: readonly Passage[],
): Promise<{ vectorsDropped: boolean }> {
  const stray = passages.find((passage) => passage.docId !== doc.id);
  if (stray)
    return Promise.reject(new Error(`storage: passage ${stray.id} belongs to ${stray.docId}, not ${doc.id}`));
  return withStorageErrors(async () => {
    const tx = db.transaction(['documents', 'passages', 'vectors'], 'readwrite');
    const passageStore = tx.objectStore('passages');
    const stored = await passageStore.index('by-doc').getAll(doc.id);
    const vectorsDropped = stored.length > 0 && !samePassages(stored, passages);
    const keep = new Set(passages.map((passage) => passage.id));
    await Promise.all([
      tx.objectStore('documents').put(doc),
      ...stored.filter((passage) => !keep.has(passage.id)).map((passage) => passageStore.delete(passage.id)),
      ...passages.map((passage) => passageStore.put(passage)),
      vectorsDropped && deleteDocumentVectors(tx.objectStore('vectors'), doc.id),
      tx.done,
    ]);
    return { vectorsDropped };
  });
}

/**
 * One stored document, or `undefined`.
 *
 * @example
 * const { raw, text } = (await getDocument(db, docId)) ?? fail();
 */
export function getDocument(db: SearchDb, docId: string): Promise<StoredDocument | undefined> {
  return db.get('documents', docId);
}

/**
 * Hides a document from search (or shows it again), keeping its passages and vectors.
 *
 * @example
 * await setDocumentHidden(db, docId, true);
 */
export function setDocumentHidden(db: SearchDb, docId: string, hidden: boolean): Promise<void> {
  return withStorageErrors(async () => {
    const tx = db.transaction('documents', 'readwrite');
    const doc = await tx.store.get(docId);
    if (doc) await tx.store.put({ ...doc, hidden });
    await tx.done;
  });
}

/**
 * Every stored document, ordered by id.
 *
 * @example
 * const userDocs = (await listDocuments(db)).filter((doc) => doc.origin === 'user');
 */
export function listDocuments(db: SearchDb): Promise<StoredDocument[]> {
  return db.getAll('documents');
}

/**
 * Every stored passage, ordered by document id, then passage index.
 *
 * @example
 * const passages = await readPassages(db);
 */
export async function readPassages(db: SearchDb): Promise<Passage[]> {
  const passages = await db.getAll('passages');
  return passages.sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.index - b.index));
}

/**
 * Deletes a document, its passages, and its vectors for every model, in one transaction.
 * Index meta is left as is: the changed corpus hash marks it stale.
 *
 * @example
 * await deleteDocument(db, docId);
 */
export function deleteDocument(db: SearchDb, docId: string): Promise<void> {
  return withStorageErrors(async () => {
    const tx = db.transaction(['documents', 'passages', 'vectors'], 'readwrite');
    const passageStore = tx.objectStore('passages');
    const passageKeys = await passageStore.index('by-doc').getAllKeys(docId);
    await Promise.all([
      tx.objectStore('documents').delete(docId),
      ...passageKeys.map((key) => passageStore.delete(key)),
      deleteDocumentVectors(tx.objectStore('vectors'), docId),
      tx.done,
    ]);
  });
}

/** True when both lists hold the same passage ids with the same texts. */
function samePassages(stored: readonly Passage[], passages: readonly Passage[]): boolean {
  if (stored.length !== passages.length) return false;
  const textOf = new Map(stored.map((passage) => [passage.id, passage.text]));
  return passages.every((passage) => textOf.get(passage.id) === passage.text);
}
