import { describe, expect, it } from 'vitest';
import { termContributions } from '../../../src/core/inspect/keyword-terms';
import { addPassages, createKeywordIndex, searchKeyword } from '../../../src/core/search/keyword-index';
import { referenceIndex, referenceTermScores } from '../search/minisearch-reference';

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

  it("gives each term MiniSearch's own score for it alone, times the terms the passage matched", () => {
    const index = createKeywordIndex();
    addPassages(index, passages);
    const query = '开源模型 OCR';
    const ids = searchKeyword(index, query, 10).map((hit) => hit.id);
    const terms = termContributions(index, query, ids);
    const reference = referenceIndex(passages);
    const alone = (term: string, id: string) => referenceTermScores(reference, term).get(id);
    const matched = (id: string) => terms.filter((t) => t.byPassage[id] !== undefined).length;
    // d#1 has 开源 and 模型 but not OCR: a rarer term (开源, in two passages) outweighs a commoner one
    // (模型, in three), which an even or proportional split would not show.
    const share = (term: string, id: string) => terms.find((t) => t.term === term)!.byPassage[id];
    for (const [term, id] of [
      ['开源', 'd#1'],
      ['模型', 'd#1'],
      ['ocr', 'd#2'],
    ] as const)
      expect(share(term, id)).toBeCloseTo(alone(term, id)! * matched(id), 9);
    expect(share('开源', 'd#1')!).toBeGreaterThan(share('模型', 'd#1')!);
    expect(share('ocr', 'd#1')).toBeUndefined();
  });

  it('adds up to the keyword score of every hit, for queries taken from the passages', () => {
    const index = createKeywordIndex();
    addPassages(index, passages);
    for (const text of passages.map((p) => p.text)) {
      for (const query of [text.slice(0, 6), text.slice(3, 12), text]) {
        const hits = searchKeyword(index, query, 10);
        const terms = termContributions(
          index,
          query,
          hits.map((hit) => hit.id),
        );
        for (const hit of hits) {
          const sum = terms.reduce((total, t) => total + (t.byPassage[hit.id] ?? 0), 0);
          expect(sum, `${query} → ${hit.id}`).toBeCloseTo(hit.score, 9);
        }
      }
    }
  });
});
