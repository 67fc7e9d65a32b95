/**
 * A start that rebuilt the keyword index saves it in a task of its own: the first keyword result and the
 * model load do not wait for the save (which took 11.9 s at 50,000 passages inside the start-up task).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as storage from '../../src/storage';
import { makeEngine, QUERY, START } from './harness';

vi.mock('../../src/storage', async (importOriginal) => {
  const original = await importOriginal<typeof storage>();
  return { ...original, putKeywordSnapshot: vi.fn(original.putKeywordSnapshot) };
});

const putKeywordSnapshot = vi.mocked(storage.putKeywordSnapshot);

describe('saving a rebuilt keyword index at start', () => {
  afterEach(() => {
    putKeywordSnapshot.mockReset();
  });

  it('answers keyword searches and loads the model while the save has not finished', async () => {
    let finishSave = () => {};
    putKeywordSnapshot.mockImplementation(() => new Promise<void>((resolve) => (finishSave = resolve)));
    const loadModel = vi.fn(() => new Promise<never>(() => {}));
    const { engine } = makeEngine({ loadModel });
    void engine.start(START);

    // First visit: the keyword index is built from the corpus, so it is saved; the save never finishes here.
    const response = await engine.search({ query: QUERY, mode: 'hybrid', k: 3 });
    expect(response.mode).toBe('keyword');
    expect(response.hits[0]?.source).toBe('models.txt');
    await vi.waitFor(() => expect(putKeywordSnapshot).toHaveBeenCalledTimes(1));
    expect(loadModel).toHaveBeenCalledTimes(1);
    finishSave();
  });

  it('still saves the rebuilt index, in a task of its own after start-up', async () => {
    const { engine } = makeEngine({ loadModel: () => new Promise<never>(() => {}) });
    void engine.start(START);
    await engine.search({ query: QUERY, mode: 'keyword', k: 3 });
    await vi.waitFor(() => expect(putKeywordSnapshot).toHaveBeenCalledTimes(1));
    await expect(putKeywordSnapshot.mock.results[0]!.value).resolves.toBeUndefined();
  });
});
