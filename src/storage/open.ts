/**
 * Opening the search database: idb's `openDB`, with the IndexedDB factory as a parameter so tests
 * (and anything else) can open isolated databases, and the schema migrations applied on upgrade.
 */
import {
  wrap,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type OpenDBCallbacks,
  type StoreNames,
} from 'idb';
import { migrate } from './migrations';
import { DB_NAME, DB_VERSION, type SearchDb, type SearchDbSchema } from './schema';

/** Options of {@link openSearchDb}. */
export interface OpenSearchDbOptions {
  /** Database name; default {@link DB_NAME}. */
  name?: string;
  /** IndexedDB factory; default the global `indexedDB`. Tests pass `new IDBFactory()` from fake-indexeddb. */
  factory?: IDBFactory;
  /** An older version is open in another tab and stops this one from upgrading: ask the user to close it. */
  onBlocked?: () => void;
  /** Another tab wants a newer version: this connection has been closed; reload to continue. */
  onVersionChange?: () => void;
  /** The browser closed the connection abnormally (e.g. the user cleared site data). */
  onTerminated?: () => void;
}

/**
 * Opens (creating or upgrading as needed) the search database at the current schema version.
 * The connection closes itself when another tab needs to upgrade, then calls `onVersionChange`.
 *
 * @example
 * const db = await openSearchDb({ onVersionChange: () => postMessage({ type: 'reload-needed' }) });
 */
export async function openSearchDb(options: OpenSearchDbOptions = {}): Promise<SearchDb> {
  const factory = options.factory ?? globalThis.indexedDB;
  if (factory === undefined) throw new Error('storage: IndexedDB is not available here');
  const db: SearchDb = await openDatabase<SearchDbSchema>(factory, options.name ?? DB_NAME, DB_VERSION, {
    upgrade: (database, oldVersion, newVersion, tx) =>
      migrate(database, tx, oldVersion, newVersion ?? DB_VERSION),
    blocked: () => options.onBlocked?.(),
    blocking: () => {
      db.close();
      options.onVersionChange?.();
    },
    terminated: () => options.onTerminated?.(),
  });
  return db;
}

/**
 * idb's `openDB(name, version, { upgrade, blocked, blocking, terminated })`, opening through the given
 * factory instead of the global `indexedDB`. Same callbacks, same typed result.
 *
 * @example
 * const db = await openDatabase<SearchDbSchema>(new IDBFactory(), 'test', 1, { upgrade: (db, old, _, tx) => migrate(db, tx, old, 1) });
 */
export function openDatabase<Schema extends DBSchema>(
  factory: IDBFactory,
  name: string,
  version: number,
  { upgrade, blocked, blocking, terminated }: OpenDBCallbacks<Schema> = {},
): Promise<IDBPDatabase<Schema>> {
  const request = factory.open(name, version);
  const opening = wrap(request) as Promise<IDBPDatabase<Schema>>;
  if (upgrade) {
    request.addEventListener('upgradeneeded', (event) => {
      const tx = wrap(request.transaction!) as unknown as IDBPTransaction<
        Schema,
        StoreNames<Schema>[],
        'versionchange'
      >;
      // A failed upgrade rejects the open request; keep the aborted transaction's `done` from going unhandled.
      tx.done.catch(() => undefined);
      upgrade(wrap(request.result) as IDBPDatabase<Schema>, event.oldVersion, event.newVersion, tx, event);
    });
  }
  if (blocked)
    request.addEventListener('blocked', (event) => blocked(event.oldVersion, event.newVersion, event));
  opening
    .then((db) => {
      if (terminated) db.addEventListener('close', () => terminated());
      if (blocking)
        db.addEventListener('versionchange', (event) => blocking(event.oldVersion, event.newVersion, event));
    })
    .catch(() => undefined);
  return opening;
}
