import { describe, expect, it } from 'vitest';
import { evaluateQuery, summarizeByKind } from '../../../src/core/metrics/evaluate';
import type { EvalQuery } from '../../../src/core/metrics/queries';

const lexical: EvalQuery = {
  id: 'q1',
  query: '阿里开源多少模型',
  kind: 'lexical',
  relevant: [{ source: 'a.txt', text: '阿里已开源200多款模型' }],
};
const negative: EvalQuery = { id: 'q2', query: '国产av在线播放', kind: 'negative', relevant: [] };
const answer = { source: 'a.txt', text: '截至目前，阿里已开源200多款模型。' };
const other = { source: 'a.txt', text: '开源模型的下载量持续增长。' };
const spam = { source: 'b.txt', text: '国产av一二三区|日本不卡动作网站' };

describe('evaluateQuery', () => {
  it('scores the top k hits of a query with relevant spans', () => {
    expect(evaluateQuery(lexical, [other, answer, spam], 5)).toEqual({
      id: 'q1',
      kind: 'lexical',
      recall: 1,
      mrr: 0.5,
      ndcg: 1 / Math.log2(3),
      junkHits: 1,
    });
    expect(evaluateQuery(lexical, [other, answer], 1).recall).toBe(0);
  });

  it('counts junk hits of a negative query and leaves its rank metrics null', () => {
    expect(evaluateQuery(negative, [other, spam], 5)).toEqual({
      id: 'q2',
      kind: 'negative',
      recall: null,
      mrr: null,
      ndcg: null,
      junkHits: 1,
    });
  });
});

describe('summarizeByKind', () => {
  it('averages per kind and reports the share of queries with junk', () => {
    const summaries = summarizeByKind([
      evaluateQuery(lexical, [answer], 5),
      evaluateQuery({ ...lexical, id: 'q3' }, [other, other, answer], 5),
      evaluateQuery(negative, [other], 5),
      evaluateQuery({ ...negative, id: 'q4' }, [spam], 5),
    ]);
    expect(summaries).toEqual([
      { kind: 'lexical', queries: 2, recall: 1, mrr: (1 + 1 / 3) / 2, ndcg: (1 + 0.5) / 2, junkRate: 0 },
      { kind: 'negative', queries: 2, recall: null, mrr: null, ndcg: null, junkRate: 0.5 },
    ]);
  });
});
