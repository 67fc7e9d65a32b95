import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import {
  DB_VERSION,
  listDocuments,
  migrate,
  openDatabase,
  openSearchDb,
  type SearchDbSchema,
} from '../../src/storage';

describe('openSearchDb', () => {
  it('closes itself when another tab opens a newer version, and says so', async () => {
    const factory = new IDBFactory();
    const onVersionChange = vi.fn();
    const db = await openSearchDb({ factory, name: 'search', onVersionChange });
    const newer = await openDatabase(factory, 'search', DB_VERSION + 1);
    expect(onVersionChange).toHaveBeenCalledOnce();
    expect(newer.version).toBe(DB_VERSION + 1);
    await expect(listDocuments(db)).rejects.toThrow();
    newer.close();
  });

  it('reports being blocked by an older connection that stays open, and opens once it closes', async () => {
    const factory = new IDBFactory();
    const old = await openDatabase<SearchDbSchema>(factory, 'search', 1, {
      upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, tx, oldVersion, 1),
    });
    const onBlocked = vi.fn(() => old.close());
    const db = await openSearchDb({ factory, name: 'search', onBlocked });
    expect(onBlocked).toHaveBeenCalledOnce();
    expect(db.version).toBe(DB_VERSION);
    expect(await listDocuments(db)).toEqual([]);
  });

  it('rejects, without unhandled errors, when an upgrade fails', async () => {
    const factory = new IDBFactory();
    const empty = await openDatabase(factory, 'search', 1); // version 1 without its stores
    empty.close();
    await expect(openSearchDb({ factory, name: 'search' })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports a connection the browser closed abnormally, but not a normal close', async () => {
    const onTerminated = vi.fn();
    const factory = new IDBFactory();
    const db = await openSearchDb({ factory, onTerminated });
    db.close();
    expect(onTerminated).not.toHaveBeenCalled();
    const reopened = await openSearchDb({ factory, onTerminated });
    // fake-indexeddb types the parameter as the class rather than an instance
    forceCloseDatabase(unwrap(reopened) as unknown as typeof IDBDatabase);
    expect(onTerminated).toHaveBeenCalledOnce();
  });
});
