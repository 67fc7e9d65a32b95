import { describe, expect, it } from 'vitest';
import { hasSearchTerms } from '../../../src/core/search/searchable';
import type { SearchMode } from '../../../src/core/search/fuse';
import { Library } from '../../../workers/library';
import { runSearch, type DenseSide } from '../../../workers/searcher';
import type { FallbackReason } from '../../../src/shared/messages';
import { documentOf, passagesOf } from './corpus-fixture';

const LOADING: FallbackReason = { code: 'keyword-fallback', reason: 'model-loading' };

describe('hasSearchTerms', () => {
  it('finds words, names and numbers in either script', () => {
    for (const query of ['PP-OCRv5', '200多款', '開源', '砖', '这是什么', 'Qwen2.5-Omni', '2025'])
      expect(hasSearchTerms(query), query).toBe(true);
  });

  it('finds nothing in punctuation, spaces, function characters or function words', () => {
    for (const query of ['', '   ', '？？！', '。，、……', '的', '是的吗', '我们的', 'the of', '— · —'])
      expect(hasSearchTerms(query), query).toBe(false);
  });
});

describe('runSearch with nothing to search for', () => {
  const library = new Library();
  const passages = passagesOf('doc', ['的的的，是是是。', '开源模型的下载量持续增长。']);
  library.load([documentOf('doc', passages)], passages);
  const dense = {
    model: { queryInstruction: undefined },
    embedder: {
      embed: () => {
        throw new Error('a query with nothing to search for must not be embedded');
      },
    },
    matrix: { search: () => [] },
  } as unknown as DenseSide;

  it.each<SearchMode>(['hybrid', 'semantic', 'keyword'])(
    'answers %s with no results and says why',
    async (mode) => {
      const response = await runSearch({ query: '的？！', mode, k: 10 }, library, dense, LOADING);
      expect(response).toMatchObject({ hits: [], groups: [], empty: 'nothing-to-search', mode });
    },
  );

  it('searches a query with a term as usual', async () => {
    const response = await runSearch(
      { query: '下载量', mode: 'keyword', k: 10 },
      library,
      undefined,
      LOADING,
    );
    expect(response.empty).toBeUndefined();
    expect(response.hits.map((hit) => hit.passageId)).toEqual(['doc#1']);
  });
});
