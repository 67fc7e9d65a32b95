/**
 * Numbered schema migrations. `migrations[i]` upgrades version i to version i + 1; opening applies
 * every step past the stored version, in order, inside the upgrade transaction.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { quantizeStoredVectors } from './int8-migration';
import { repackStoredVectors } from './pack-migration';
import type { SearchDb, SearchDbSchema } from './schema';

/** The upgrade (`versionchange`) transaction. */
export type UpgradeTransaction = IDBPTransaction<
  SearchDbSchema,
  StoreNames<SearchDbSchema>[],
  'versionchange'
>;

/** One schema step. Runs synchronously inside the upgrade transaction. */
export type Migration = (db: SearchDb, tx: UpgradeTransaction) => void;

/** Every schema step so far; append, never edit a released one. */
export const migrations: readonly Migration[] = [
  // 0 → 1: documents, passages, vectors, meta.
  (db) => {
    db.createObjectStore('documents', { keyPath: 'id' });
    db.createObjectStore('passages', { keyPath: 'id' }).createIndex('by-doc', 'docId');
    db.createObjectStore('vectors', { keyPath: ['modelId', 'docId', 'firstIndex'] }).createIndex(
      'by-model',
      'modelId',
    );
    db.createObjectStore('meta', { keyPath: 'modelId' });
  },
  // 1 → 2: keyword index store; vectors by model and document.
  (db, tx) => {
    db.createObjectStore('keyword', { keyPath: 'name' });
    tx.objectStore('vectors').createIndex('by-model-doc', ['modelId', 'docId']);
  },
  // 2 → 3: vectors as int8 codes and row scales instead of float32 (a quarter of the bytes); a record may
  // hold several documents (packs), so `by-model-doc` indexes each record's list of [modelId, docId].
  (_db, tx) => {
    const vectors = tx.objectStore('vectors');
    vectors.deleteIndex('by-model-doc');
    vectors.createIndex('by-model-doc', 'docKeys', { multiEntry: true });
    // A failed request aborts the upgrade transaction itself, which rejects the open.
    quantizeStoredVectors(tx).catch(() => undefined);
  },
  // 3 → 4: the keyword index in parts (head + terms) instead of one JSON string, which outgrew V8's maximum
  // string length and IndexedDB's record size at scale. An index saved as one string is of a format the app
  // no longer reads (MiniSearch's): it is dropped, and the next start rebuilds it from the passages.
  (db) => {
    db.createObjectStore('keywordParts', { keyPath: ['name', 'part'] });
    db.deleteObjectStore('keyword');
  },
  // 4 → 5: packs keep their codes in a Blob (IndexedDB reads it several times faster than an ArrayBuffer)
  // with each row's Σ|codes|, and hold up to 32,768 rows; stored vectors are folded into such packs.
  (_db, tx) => {
    repackStoredVectors(tx).catch(() => undefined);
  },
];

/**
 * Applies the migrations from `oldVersion` up to `newVersion`.
 *
 * @example
 * openDatabase(factory, name, 1, { upgrade: (db, oldVersion, _, tx) => migrate(db, tx, oldVersion, 1) });
 */
export function migrate(db: SearchDb, tx: UpgradeTransaction, oldVersion: number, newVersion: number): void {
  if (newVersion > migrations.length) {
    throw new Error(`storage: no migration to version ${newVersion} (latest is ${migrations.length})`);
  }
  for (let version = oldVersion; version < newVersion; version++) migrations[version]!(db, tx);
}
