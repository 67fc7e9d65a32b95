/** Bug 1: a retry after a failed index build or corpus load runs again instead of returning the old rejection. */
import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/core/engine/failure';
import { makeEngine, START, tinyEmbedder } from './harness';

describe('retry after a failure runs the failed step again', () => {
  it('after an index build failed, start builds again and the index becomes ready', async () => {
    let failures = 1;
    const { engine, events } = makeEngine({
      loadModel: async ({ model }) => {
        const embedder = await tinyEmbedder();
        return {
          model,
          device: 'wasm',
          embedder: {
            ...embedder,
            embed: (texts) =>
              failures-- > 0 ? Promise.reject(new Error('out of memory')) : embedder.embed(texts),
          },
        };
      },
    });
    await engine.start(START);
    expect(engine.session.state).toMatchObject({
      phase: 'failed',
      stage: 'index',
      cause: errorText('out of memory'),
    });
    expect(events).toContainEqual({ type: 'index-failed', message: errorText('out of memory') });
    await engine.start(START);
    expect(engine.session.state.phase).toBe('ready');
    expect(events.at(-2)).toMatchObject({ type: 'index-ready', passages: 3 });
  });

  it('after the corpus failed to load, start loads it again', async () => {
    let failures = 1;
    const made = makeEngine({
      intercept: () => (failures-- > 0 ? new Response('busy', { status: 503 }) : undefined),
    });
    await expect(made.engine.start(START)).rejects.toThrow(/bundled corpus could not be read \(HTTP 503\)/);
    expect(made.engine.session.state).toMatchObject({ phase: 'failed', stage: 'library' });
    await made.engine.start(START);
    expect(made.engine.session.state.phase).toBe('ready');
    expect(await made.engine.listDocuments()).toHaveLength(3);
  });
});
