/** Bug 6: embedding fails in the middle of adding a file: the truth is reported and the next start finishes it. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/loader';
import { makeEngine, START, tinyEmbedder } from './harness';

const NOTE = '笔记：青蛙在池塘里唱歌，荷叶上有露水。';

/** fixture-tiny, failing while `failing.now` is set. */
function flaky(embedder: Embedder, failing: { now: boolean }): Embedder {
  return {
    ...embedder,
    embed: (texts) => (failing.now ? Promise.reject(new Error('device lost')) : embedder.embed(texts)),
  };
}

describe('a file whose embedding fails', () => {
  it('is reported as stored and keyword-searchable with vectors pending, and the next start embeds it', async () => {
    const factory = new IDBFactory();
    const failing = { now: false };
    const first = makeEngine({
      factory,
      loadModel: async ({ model }) => ({
        model,
        device: 'wasm',
        embedder: flaky(await tinyEmbedder(), failing),
      }),
    });
    await first.engine.start(START);
    failing.now = true;
    const [result] = await first.engine.addFiles([
      { name: 'note.txt', bytes: new TextEncoder().encode(NOTE).buffer },
    ]);
    expect(result).toMatchObject({ ok: true, duplicate: false, vectorsPending: true });
    const keyword = await first.engine.search({ query: '青蛙池塘', mode: 'keyword', k: 3 });
    expect(keyword.hits[0]?.source).toBe('note.txt');

    const second = makeEngine({ factory });
    await second.engine.start(START);
    expect(second.events).toContainEqual(expect.objectContaining({ type: 'index-started', toEmbed: 1 }));
    const semantic = await second.engine.search({ query: '青蛙在池塘唱歌', mode: 'semantic', k: 3 });
    expect(semantic.hits[0]?.source).toBe('note.txt');
  });
});
