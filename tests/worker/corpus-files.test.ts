/** Bug 3: a bundled article that answers 404 or whose bytes differ from the manifest is refused by name. */
import { describe, expect, it } from 'vitest';
import { ARTICLES, makeEngine, servedFiles, START } from './harness';

describe('bundled articles are checked against the manifest', () => {
  it('refuses a missing and a tampered article by name, and keeps the others', async () => {
    const files = servedFiles(ARTICLES);
    files.delete('/corpus/weather.txt');
    files.set('/corpus/cooking.txt', new TextEncoder().encode('<html>404 page of a proxy</html>'));
    const { engine, events } = makeEngine({ files });
    await engine.start(START);
    expect((await engine.listDocuments()).map((doc) => doc.source)).toEqual(['models.txt']);
    expect(events).toContainEqual({ type: 'corpus-file-refused', file: 'weather.txt', reason: 'not-found' });
    expect(events).toContainEqual({
      type: 'corpus-file-refused',
      file: 'cooking.txt',
      reason: 'hash-mismatch',
    });
    expect(engine.session.state.phase).toBe('ready');
  });
});
