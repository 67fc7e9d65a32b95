import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ImportJournal } from '../../src/storage/import-journal';

const files = [
  { path: 'notes/a.txt', size: 3, lastModified: 1 },
  { path: 'notes/b.txt', size: 4, lastModified: 2 },
  { path: 'notes/c.txt', size: 5, lastModified: 3 },
];

describe('import journal', () => {
  it('has nothing interrupted until an import begins', async () => {
    const journal = await ImportJournal.open<string>(new IDBFactory());
    expect(await journal.interrupted()).toBeUndefined();
  });

  it('reads back an import and the files it finished, across connections (a reload)', async () => {
    const factory = new IDBFactory();
    const journal = await ImportJournal.open<string>(factory);
    await journal.begin({ id: 'one', startedAt: 5, files });
    await journal.record('one', [{ index: 0, outcome: 'added', passages: 2 }]);
    await journal.record('one', [{ index: 2, outcome: 'refused', passages: 0 }]);

    const reopened = await ImportJournal.open<string>(factory);
    const interrupted = await reopened.interrupted();
    expect(interrupted?.started).toEqual({ id: 'one', startedAt: 5, files });
    expect([...(interrupted?.finished ?? [])]).toEqual([
      [0, { outcome: 'added', passages: 2 }],
      [2, { outcome: 'refused', passages: 0 }],
    ]);
  });

  it('forgets an earlier import when a new one begins, and ignores late records of the old one', async () => {
    const journal = await ImportJournal.open<string>(new IDBFactory());
    await journal.begin({ id: 'old', startedAt: 1, files });
    await journal.record('old', [{ index: 0, outcome: 'added', passages: 1 }]);
    await journal.begin({ id: 'new', startedAt: 2, files: files.slice(0, 1) });
    await journal.record('old', [{ index: 1, outcome: 'late', passages: 1 }]);
    const interrupted = await journal.interrupted();
    expect(interrupted?.started.id).toBe('new');
    expect(interrupted?.finished.size).toBe(0);
  });

  it('has nothing interrupted once cleared', async () => {
    const journal = await ImportJournal.open<string>(new IDBFactory());
    await journal.begin({ id: 'one', startedAt: 1, files });
    await journal.record('one', [{ index: 0, outcome: 'added', passages: 1 }]);
    await journal.clear();
    expect(await journal.interrupted()).toBeUndefined();
  });
});
