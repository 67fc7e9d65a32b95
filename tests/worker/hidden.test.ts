/** Bug 7: hidden documents are left out before the dense top-50 cut, so they cannot crowd out visible ones. */
import { describe, expect, it } from 'vitest';
import { makeEngine, servedFiles, START, type Article } from './harness';

const QUERY = '阿里开源模型';
/** Sixty bundled articles closer to the query than the one visible answer. */
const NEAR: Article[] = Array.from({ length: 60 }, (_, i) => ({
  name: `near-${i}.txt`,
  text: `阿里开源模型第${i}号。`,
}));
const VISIBLE: Article = { name: 'visible.txt', text: '阿里的天气预报说明天下雨。' };

describe('hidden documents and semantic search', () => {
  it('finds the visible answer even when more than 50 hidden passages score higher', async () => {
    const { engine } = makeEngine({ files: servedFiles([...NEAR, VISIBLE]) });
    await engine.start(START);
    for (const doc of await engine.listDocuments())
      if (doc.source.startsWith('near-')) await engine.deleteDocument(doc.id);
    const response = await engine.search({ query: QUERY, mode: 'semantic', k: 5 });
    expect(response.hits.map((hit) => hit.source)).toEqual(['visible.txt']);
  });

  it('brings hidden articles back into semantic search after a reset', async () => {
    const { engine } = makeEngine({ files: servedFiles([...NEAR.slice(0, 2), VISIBLE]) });
    await engine.start(START);
    for (const doc of await engine.listDocuments())
      if (doc.source.startsWith('near-')) await engine.deleteDocument(doc.id);
    await engine.resetCorpus();
    const response = await engine.search({ query: QUERY, mode: 'semantic', k: 5 });
    expect(response.hits.map((hit) => hit.source)).toHaveLength(3);
    expect(response.hits[0]?.source).toMatch(/^near-/);
  });
});
