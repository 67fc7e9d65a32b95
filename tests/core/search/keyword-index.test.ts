import { describe, expect, it } from 'vitest';
import {
  addPassages,
  createKeywordIndex,
  removeDocument,
  searchKeyword,
  termScores,
  type KeywordIndex,
} from '../../../src/core/search/keyword-index';
import type { Passage } from '../../../src/core/types';
import { KEYWORD_RANKING } from '../../../src/core/search/keyword-ranking';
import { naiveCorpusPassages, passagesOf } from './corpus-fixture';
import { referenceIndex, referenceTermScores } from './minisearch-reference';

const SMALL = [
  '开源模型正在改变人工智能产业的格局。',
  '阿里开源首个全模态大模型Qwen2.5-Omni7B，已经可以在手机上部署运行。',
  '百度推出的輕量級文字識別模型PP-OCRv5，僅0.07B參數。',
  '智譜AI開源的GLM-Z1-Air模型，以320億參數實現了相近的性能。',
  '北京新增智能算力8620P，可灵团队开源了数据集Koala-36M。',
  '开源模型的下载量持续增长，开源社区越来越活跃。',
  'Developers on Hugging Face created more than 500 derivative models.',
];

function smallIndex(): KeywordIndex {
  const index = createKeywordIndex();
  addPassages(index, passagesOf('doc', SMALL));
  return index;
}

function topId(index: KeywordIndex, query: string): string | undefined {
  return searchKeyword(index, query, 3)[0]?.id;
}

describe('searchKeyword', () => {
  const index = smallIndex();

  it('ranks the passage with a rare exact term first', () => {
    expect(topId(index, '全模态')).toBe('doc#1');
    expect(topId(index, '开源 下载量')).toBe('doc#5');
  });

  it('finds traditional text with a simplified query and the reverse', () => {
    expect(topId(index, '轻量级文字识别')).toBe('doc#2');
    expect(topId(index, '智谱 参数')).toBe('doc#3');
    expect(topId(index, '開源首個全模態')).toBe('doc#1');
  });

  it('finds model names whole and by their parts, in any case', () => {
    for (const query of ['Qwen2.5-Omni', 'qwen2.5', 'omni', 'Qwen2.5-Omni7B'])
      expect(topId(index, query)).toBe('doc#1');
    for (const query of ['PP-OCRv5', 'pp-ocrv5', 'ocrv5', 'OCR']) expect(topId(index, query)).toBe('doc#2');
    for (const query of ['GLM-Z1-Air', 'glm', 'z1']) expect(topId(index, query)).toBe('doc#3');
    for (const query of ['8620P', '8620', 'Koala-36M', 'koala']) expect(topId(index, query)).toBe('doc#4');
  });

  it('matches English plurals and one typo', () => {
    expect(topId(index, 'derivative model')).toBe('doc#6');
    expect(topId(index, 'developer')).toBe('doc#6');
    expect(topId(index, 'derivatve')).toBe('doc#6');
  });

  it('returns at most k hits, best first, and nothing for an empty query', () => {
    const hits = searchKeyword(index, '开源模型', 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]?.score).toBeGreaterThanOrEqual(hits[1]?.score ?? Infinity);
    expect(searchKeyword(index, '，。！', 5)).toEqual([]);
    expect(searchKeyword(index, '开源', 0)).toEqual([]);
  });
});

describe('query unigrams', () => {
  // 防守丢了几分: the short 防守好，丢了球 shares as many bigrams as the longer answer, which alone has 分.
  const texts = ['防守好，丢了球', '防守很强，只丢了三分', '他得了十分'];
  const ranked = (ranking = KEYWORD_RANKING): string[] => {
    const index = createKeywordIndex(ranking);
    addPassages(index, passagesOf('u', texts));
    return searchKeyword(index, '防守丢了几分', 5).map((hit) => hit.id);
  };

  it('rerank the passages other query terms match, and bring in none alone', () => {
    expect(ranked()).toEqual(['u#1', 'u#0']);
    expect(ranked({ ...KEYWORD_RANKING, queryUnigrams: 'none' })).toEqual(['u#0', 'u#1']);
  });

  it('match on their own when the ranking says so (the ablation)', () => {
    expect(ranked({ ...KEYWORD_RANKING, queryUnigrams: 'match' })).toEqual(['u#1', 'u#0', 'u#2']);
  });
});

describe('addPassages / removeDocument', () => {
  it('replaces a passage with the same id', () => {
    const index = smallIndex();
    addPassages(index, passagesOf('doc', ['完全不同的内容']));
    expect(searchKeyword(index, '人工智能产业', 5).map((h) => h.id)).not.toContain('doc#0');
    expect(topId(index, '完全不同')).toBe('doc#0');
  });

  it('removes every passage of a document and only those', () => {
    const index = smallIndex();
    addPassages(index, passagesOf('other', ['另一篇文章也提到开源模型']));
    expect(removeDocument(index, 'doc')).toBe(SMALL.length);
    expect(removeDocument(index, 'doc')).toBe(0);
    expect(searchKeyword(index, '开源模型', 10).map((h) => h.id)).toEqual(['other#0']);
  });
});

describe('scores, against MiniSearch (the library the index used to be)', () => {
  const corpus = naiveCorpusPassages();
  // Exact-term queries: MiniSearch's results times nothing else, so scores must agree to rounding.
  const queries = [
    '北京AI相关社会融资',
    '参数规模',
    '開源 模型',
    '智谱',
    '五道口',
    '下载量 增长',
    '8620p',
    'koala',
  ];
  const ranking = { ...KEYWORD_RANKING, queryUnigrams: 'none' as const };

  function expectSameHits(index: KeywordIndex, passages: readonly Passage[], query: string): void {
    const reference = referenceIndex(passages).search(query).slice(0, 10);
    const hits = searchKeyword(index, query, 10);
    expect(
      hits.map((hit) => hit.id),
      query,
    ).toEqual(reference.map((hit) => String(hit.id)));
    hits.forEach((hit, i) => expect(hit.score, `${query} → ${hit.id}`).toBeCloseTo(reference[i]!.score, 9));
  }

  it('ranks and scores exact terms as MiniSearch did', () => {
    const index = createKeywordIndex(ranking);
    addPassages(index, corpus);
    for (const query of queries) expectSameHits(index, corpus, query);
  });

  it('after documents are removed and replaced, scores as a MiniSearch index of what is left', () => {
    const index = createKeywordIndex(ranking);
    addPassages(index, corpus);
    const gone = new Set([corpus[0]!.docId, corpus.at(-1)!.docId]);
    for (const docId of gone) removeDocument(index, docId);
    const changed = corpus
      .filter((p) => !gone.has(p.docId))
      .slice(0, 3)
      .map((p) => ({ ...p, text: `${p.text} 开源` }));
    addPassages(index, changed);
    const left = corpus.filter((p) => !gone.has(p.docId)).map((p) => changed.find((c) => c.id === p.id) ?? p);
    for (const query of queries) expectSameHits(index, left, query);
    index.postings.freeze();
    for (const query of queries) expectSameHits(index, left, query);
  });

  it('answers the same whether postings are fresh, frozen or both (the reranking unigrams included)', () => {
    const fresh = createKeywordIndex();
    addPassages(fresh, corpus);
    const mixed = createKeywordIndex();
    addPassages(mixed, corpus.slice(0, 40));
    mixed.postings.freeze();
    addPassages(mixed, corpus.slice(40));
    const frozen = createKeywordIndex();
    addPassages(frozen, corpus);
    frozen.postings.freeze();
    for (const query of [...queries, '防守丢了几分', '阿里已開源多少款模型']) {
      expect(searchKeyword(mixed, query, 20), query).toEqual(searchKeyword(fresh, query, 20));
      expect(searchKeyword(frozen, query, 20), query).toEqual(searchKeyword(fresh, query, 20));
    }
  });

  it("gives each term alone MiniSearch's score, Latin prefix and typo matches included", () => {
    const index = createKeywordIndex();
    addPassages(index, corpus);
    const reference = referenceIndex(corpus);
    const ids = new Set(corpus.map((p) => p.id));
    for (const term of ['ocr', 'qwen', 'derivatve', 'model', '开源', 'glm']) {
      const expected = referenceTermScores(reference, term);
      const scores = termScores(index, term, ids);
      expect([...scores.keys()].sort(), term).toEqual([...expected.keys()].sort());
      for (const [id, score] of expected) expect(scores.get(id), `${term} in ${id}`).toBeCloseTo(score, 9);
    }
  });
});

describe('over the real corpus (raw files, split by paragraph)', () => {
  const corpus = naiveCorpusPassages();
  const index = createKeywordIndex();
  addPassages(index, corpus);
  const sourceOfTop = (query: string): string => {
    const id = searchKeyword(index, query, 1)[0]?.id;
    return corpus.find((p) => p.id === id)?.text ?? '';
  };

  it('puts the passage with an exact model name first', () => {
    expect(sourceOfTop('Qwen2.5-Omni')).toContain('Qwen2.5-Omni7B');
    expect(sourceOfTop('PP-OCRv5')).toContain('PP-OCRv5');
    expect(sourceOfTop('GLM-Z1-Air')).toContain('GLM-Z1-Air');
    expect(sourceOfTop('8620P')).toContain('8620P');
    expect(sourceOfTop('Koala-36M')).toContain('Koala-36M');
  });

  it('answers simplified queries from traditional articles and the reverse', () => {
    expect(sourceOfTop('往五道口扔一块砖')).toContain('往五道口扔下一塊磚');
    expect(sourceOfTop('阿里云2025财年营收')).toContain('1180億元');
    expect(sourceOfTop('阿里已開源多少款模型')).toContain('阿里已开源200多款模型');
  });
});
