/** Bug 2: another tab upgrading the database, and an upgrade waiting for another tab. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION, migrate, openDatabase, type SearchDbSchema } from '../../src/storage';
import { makeEngine, START } from './harness';

const openRaw = (factory: IDBFactory, version: number) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(DB_NAME, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const note = new TextEncoder().encode('另一个标签页升级了数据库。');

describe('the database and another tab', () => {
  it('when another tab upgrades, this tab lets it, and later writes say to reload instead of failing obscurely', async () => {
    const factory = new IDBFactory();
    const { engine, events } = makeEngine({ factory });
    await engine.start(START);
    const newer = await openRaw(factory, DB_VERSION + 1);
    await expect(engine.addFiles([{ name: 'note.txt', bytes: note.buffer }])).rejects.toThrow(
      /Another tab upgraded the stored data .* reload this page/,
    );
    expect(events).toContainEqual({ type: 'storage-notice', notice: 'reload-needed' });
    // What was loaded keeps answering.
    expect((await engine.search({ query: '模型', mode: 'keyword', k: 3 })).hits.length).toBeGreaterThan(0);
    newer.close();
  });

  it("when the other tab's database was deleted, the connection is opened again and writes work", async () => {
    const factory = new IDBFactory();
    const { engine } = makeEngine({ factory });
    await engine.start(START);
    await new Promise((resolve) => {
      factory.deleteDatabase(DB_NAME).onsuccess = resolve;
    });
    const [result] = await engine.addFiles([{ name: 'note.txt', bytes: note.buffer }]);
    expect(result).toMatchObject({ ok: true, duplicate: false });
  });

  it('says when its upgrade waits for another tab, and goes on once that tab closes', async () => {
    const factory = new IDBFactory();
    const older = await openDatabase<SearchDbSchema>(factory, DB_NAME, DB_VERSION - 1, {
      upgrade: (db, oldVersion, _, tx) => migrate(db, tx, oldVersion, DB_VERSION - 1),
    });
    const { engine, events } = makeEngine({ factory });
    const started = engine.start(START);
    await vi.waitUntil(() => events.some((event) => event.type === 'storage-notice'));
    expect(events).toContainEqual({ type: 'storage-notice', notice: 'upgrade-blocked' });
    older.close();
    await started;
    expect(engine.session.state.phase).toBe('ready');
  });
});
