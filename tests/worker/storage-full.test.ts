/** The disk fills up while a file's vectors are written: the result says so, and the index built before answers. */
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, START } from './harness';

const NOTE = '笔记：青蛙在池塘里唱歌，荷叶上有露水。';
const put = IDBObjectStore.prototype.put;

afterEach(() => {
  IDBObjectStore.prototype.put = put;
});

describe('a full disk while vectors are written', () => {
  it('reports the file as stored with vectors pending because storage is full; earlier vectors still answer', async () => {
    const { engine } = makeEngine();
    await engine.start(START);
    const before = await engine.search({ query: '池塘', mode: 'semantic', k: 3 });
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'vectors')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    const [result] = await engine.addFiles([
      { name: 'note.txt', bytes: new TextEncoder().encode(NOTE).buffer },
    ]);
    expect(result).toMatchObject({ ok: true, vectorsPending: true, storageFull: true });
    const after = await engine.search({ query: '池塘', mode: 'semantic', k: 3 });
    expect(after.hits.map((hit) => hit.passageId)).toEqual(before.hits.map((hit) => hit.passageId));
    expect(after.hits.length).toBeGreaterThan(0);
  });
});
