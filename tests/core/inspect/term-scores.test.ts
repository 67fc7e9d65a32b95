import { describe, expect, it } from 'vitest';
import { termScores } from '../../../src/core/inspect/term-scores';
import { addPassages, createKeywordIndex, removeDocument } from '../../../src/core/search/keyword-index';
import { KEYWORD_RANKING } from '../../../src/core/search/keyword-ranking';
import { indexTerms } from '../../../src/core/search/tokenize';
import { normalizeForMatch } from '../../../src/core/text/script';

const texts = [
  '阿里巴巴已经开源了三百多款模型，开源模型的下载量超过三亿次',
  '开源模型的数量还在增长',
  'PP-OCRv5 是一个文字识别模型，OCR 模型识别中文和英文',
  '今天天气很好，适合出门',
  '模型模型模型：重复的词让词频更高',
  '通义千问 Qwen2.5-Omni 是一个多模态模型',
];
const passages = texts.map((text, i) => ({
  id: `d${i % 3}#${i}`,
  docId: `d${i % 3}`,
  index: i,
  start: 0,
  end: text.length,
  text,
  tokens: 10,
}));

/** MiniSearch's own score for one term alone, per passage. */
function searchedScores(index: ReturnType<typeof createKeywordIndex>, term: string): Map<string, number> {
  return new Map(
    index.search.search(term, { tokenize: (text) => [text] }).map((hit) => [String(hit.id), hit.score]),
  );
}

describe('termScores', () => {
  it("gives every term of every passage the score MiniSearch's own search gives it", () => {
    const index = createKeywordIndex();
    addPassages(index, passages);
    const ids = new Set(passages.map((p) => p.id));
    const terms = new Set(passages.flatMap((p) => indexTerms(normalizeForMatch(p.text), KEYWORD_RANKING)));
    for (const term of [...terms, 'ocr', 'qwen2']) {
      const expected = searchedScores(index, term);
      const scores = termScores(index.search, term, ids, KEYWORD_RANKING.bm25);
      expect([...scores.keys()].sort(), term).toEqual([...expected.keys()].sort());
      for (const [id, score] of expected) expect(scores.get(id), `${term} in ${id}`).toBeCloseTo(score, 9);
    }
  });

  it('scores only the passages asked for, and agrees with MiniSearch after a document is removed', () => {
    const index = createKeywordIndex();
    addPassages(index, passages);
    removeDocument(index, 'd1');
    // MiniSearch drops a removed passage's postings of a term when it first searches the term (until then
    // its own scores count them); the keyword search has always searched the term before the split.
    searchedScores(index, '模型');
    const expected = searchedScores(index, '模型');
    const asked = new Set(['d0#0', 'd2#2', 'd1#1', 'd0#3']);
    const scores = termScores(index.search, '模型', asked, KEYWORD_RANKING.bm25);
    expect([...scores.keys()].sort()).toEqual(['d0#0', 'd2#2']);
    for (const id of ['d0#0', 'd2#2']) expect(scores.get(id)).toBeCloseTo(expected.get(id)!, 9);
  });
});
