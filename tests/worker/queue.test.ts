/** Bug 5 and the write queue: whole-index operations run one at a time, in the order they were asked for. */
import { describe, expect, it } from 'vitest';
import { decodeIndexFile } from '../../src/core/index-file';
import { makeEngine, START } from './harness';

const note = () => new TextEncoder().encode('开源模型的笔记：阿里开源了很多模型。').buffer;

describe('one queue for everything that reads or writes the whole index', () => {
  it('a clear-all asked for during the initial load runs after it, so nothing comes back', async () => {
    const { engine } = makeEngine();
    const started = engine.start(START);
    await engine.clearAllData();
    await started;
    expect(await engine.listDocuments()).toEqual([]);
    expect((await engine.search({ query: '模型', mode: 'hybrid', k: 5 })).hits).toEqual([]);
  });

  it('an export asked for during the initial load holds the whole index', async () => {
    const { engine } = makeEngine();
    void engine.start(START);
    const exported = decodeIndexFile(new Uint8Array((await engine.exportIndex()).bytes));
    expect(exported.documents).toHaveLength(3);
    expect(exported.vectorIds).toHaveLength(exported.passages.length);
  });

  it('runs add, delete and export in the order asked', async () => {
    const { engine } = makeEngine();
    await engine.start(START);
    const weather = (await engine.listDocuments()).find((doc) => doc.source === 'weather.txt')!;
    const added = engine.addFiles([{ name: 'note.txt', bytes: note() }]);
    const deleted = engine.deleteDocument(weather.id);
    const exported = engine.exportIndex();
    const [result] = await added;
    await deleted;
    const file = decodeIndexFile(new Uint8Array((await exported).bytes));
    expect(result).toMatchObject({ ok: true, duplicate: false });
    expect(file.documents.map((doc) => [doc.source, doc.hidden])).toContainEqual(['note.txt', false]);
    expect(file.documents.map((doc) => [doc.source, doc.hidden])).toContainEqual(['weather.txt', true]);
    expect(file.vectorIds).toHaveLength(file.passages.length);
  });
});
