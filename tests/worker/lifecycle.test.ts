import { describe, expect, it } from 'vitest';
import { makeEngine, QUERY, START } from './harness';

describe('the engine from idle to ready (fixture-tiny, a generated test model)', () => {
  it('loads the library, then the model, builds the index and answers semantically', async () => {
    const { engine, events } = makeEngine();
    expect(engine.session.state.phase).toBe('idle');
    await engine.start(START);
    expect(engine.session.state).toEqual({ phase: 'ready', modelId: START.modelId });
    const types = events.map((event) => event.type);
    expect(types.indexOf('corpus-loading')).toBeLessThan(types.indexOf('corpus-ready'));
    expect(types.indexOf('corpus-ready')).toBeLessThan(types.indexOf('index-started'));
    expect(types.at(-1)).toBe('library-changed');
    const response = await engine.search({ query: QUERY, mode: 'semantic', k: 3 });
    expect(response.mode).toBe('semantic');
    expect(response.hits[0]?.source).toBe('models.txt');
  });

  it('searches by keyword while only the library is loaded, and says why', async () => {
    const { engine } = makeEngine({ loadModel: () => new Promise(() => undefined) });
    void engine.start(START);
    const response = await engine.search({ query: QUERY, mode: 'hybrid', k: 3 });
    expect(engine.session.state.phase).toBe('loading-model');
    expect(response.mode).toBe('keyword');
    expect(response.fallbackReason).toEqual({ code: 'keyword-fallback', reason: 'model-loading' });
    expect(response.hits[0]?.source).toBe('models.txt');
  });

  it('a cancelled download is keyword-only, not a failure, and a later start loads the model', async () => {
    const { engine } = makeEngine();
    await engine.start({ ...START, keywordOnly: true });
    expect(engine.session.state).toEqual({ phase: 'cancelled', modelId: START.modelId });
    await engine.start(START);
    expect(engine.session.state.phase).toBe('ready');
  });

  it('a model that fails to load leaves keyword search working and names the model', async () => {
    const { engine, events } = makeEngine({
      loadModel: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await engine.start(START);
    expect(engine.session.state).toMatchObject({ phase: 'failed', stage: 'model', retryable: true });
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'model-failed',
        message: expect.objectContaining({ code: 'model-failed', model: 'fixture-tiny' }),
      }),
    );
    const response = await engine.search({ query: QUERY, mode: 'semantic', k: 3 });
    expect(response.mode).toBe('keyword');
  });
});
