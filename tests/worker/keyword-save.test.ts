import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getKeywordSnapshot, openSearchDb, type SearchDb } from '../../src/storage';
import { DatabaseConnection } from '../../workers/database';
import { LibraryStore } from '../../workers/library-store';
import { TaskQueue } from '../../workers/task-queue';
import { sampleDoc } from '../storage/helpers';

function storeOver(db: SearchDb): LibraryStore {
  const connection = new DatabaseConnection(
    () => Promise.resolve(db),
    () => undefined,
  );
  return new LibraryStore(
    new TaskQueue(),
    connection,
    () => Promise.reject(new Error('no files')),
    () => undefined,
  );
}

/** Lets a save that has started finish its IndexedDB writes (fake-indexeddb runs them on `setImmediate`). */
async function drain(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('saving the keyword index', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits until changes pause, so files added one after another do not rewrite the index each time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const db = await openSearchDb({ factory: new IDBFactory() });
    const store = storeOver(db);
    for (const id of ['a', 'b', 'c']) {
      const { doc, passages } = sampleDoc(id, 2);
      store.library.add(doc, passages);
      store.keywordIndexChanged();
      await vi.advanceTimersByTimeAsync(1_000);
      await drain();
      expect(await getKeywordSnapshot(db, store.keywordIndexName)).toBeUndefined();
    }
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(async () =>
      expect(Object.keys((await getKeywordSnapshot(db, store.keywordIndexName))!.head.fingerprints)).toEqual([
        'a',
        'b',
        'c',
      ]),
    );
  });

  it('saves within a minute of the first change while changes keep coming', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const db = await openSearchDb({ factory: new IDBFactory() });
    const store = storeOver(db);
    for (let second = 0; second < 61; second++) {
      const { doc, passages } = sampleDoc(`d${second}`, 1);
      store.library.add(doc, passages);
      store.keywordIndexChanged();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    // No more time passes: the save must have started while changes were still coming.
    vi.useRealTimers();
    await drain();
    expect(await getKeywordSnapshot(db, store.keywordIndexName)).toBeDefined();
  });
});
