import { describe, expect, it } from 'vitest';
import { termContributions } from '../../../src/core/inspect/keyword-terms';
import { addPassages, createKeywordIndex, searchKeyword } from '../../../src/core/search/keyword-index';

const passages = [
  '阿里巴巴已经开源了三百多款模型',
  '开源模型的数量还在增长',
  'PP-OCRv5 是一个文字识别模型',
  '今天天气很好',
].map((text, i) => ({ id: `d#${i}`, docId: 'd', index: i, start: 0, end: text.length, text, tokens: 10 }));

describe('termContributions', () => {
  it("splits each passage's BM25 score into term contributions that add up to it", () => {
    const index = createKeywordIndex();
    addPassages(index, passages);
    const query = '已经开源多少模型';
    const hits = searchKeyword(index, query, 10);
    const terms = termContributions(
      index,
      query,
      hits.map((hit) => hit.id),
    );
    expect(terms.map((t) => t.term)).toContain('开源');
    for (const hit of hits) {
      const sum = terms.reduce((total, t) => total + (t.byPassage[hit.id] ?? 0), 0);
      expect(sum).toBeCloseTo(hit.score, 9);
    }
    expect(terms.find((t) => t.term === '开源')!.byPassage['d#3']).toBeUndefined();
  });
});
