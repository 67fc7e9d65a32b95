import { describe, expect, it } from 'vitest';
import { mrrAtK, ndcgAtK, recallAtK } from '../../../src/core/metrics/rank-metrics';
import { judgeHits } from '../../../src/core/metrics/relevance';

const miss = { source: 'a.txt', text: '无关内容' };

describe('judgeHits', () => {
  it('applies the README rule: same source, contained after NFKC, t2s and whitespace removal', () => {
    const relevant = [{ source: 'a.txt', text: '阿里已开源200多款模型' }];
    const judgement = judgeHits(
      [
        { source: 'a.txt', text: '截至目前，阿里已開源 ２００多款模型，包括' },
        { source: 'b.txt', text: '阿里已开源200多款模型' },
        { source: 'a.txt', text: '阿里已开源' },
      ],
      relevant,
    );
    expect(judgement).toEqual({ matches: [[0], [], []], relevantCount: 1 });
  });
});

describe('rank metrics', () => {
  const relevantAt3 = judgeHits(
    [miss, miss, { source: 'a.txt', text: '往五道口扔下一塊磚' }, miss],
    [{ source: 'a.txt', text: '往五道口扔下一块砖' }],
  );

  it('relevant at rank 3: MRR 1/3, recall 1 from k = 3, nDCG 1/log2(4)', () => {
    expect(mrrAtK(relevantAt3, 5)).toBeCloseTo(1 / 3);
    expect(mrrAtK(relevantAt3, 2)).toBe(0);
    expect(recallAtK(relevantAt3, 2)).toBe(0);
    expect(recallAtK(relevantAt3, 3)).toBe(1);
    expect(ndcgAtK(relevantAt3, 5)).toBeCloseTo(0.5);
  });

  it('two relevant spans, found at ranks 2 and 4 (and again at 5)', () => {
    const judgement = { matches: [[], [1], [], [0], [0, 1]], relevantCount: 2 };
    // DCG = 0.6309 + 0.4307 = 1.0616; IDCG = 1 + 0.6309 = 1.6309; rank 5 adds nothing new.
    const expected = (1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3));
    expect(ndcgAtK(judgement, 5)).toBeCloseTo(expected);
    expect(ndcgAtK(judgement, 5)).toBeCloseTo(0.6509, 4);
    expect(recallAtK(judgement, 3)).toBe(0.5);
    expect(recallAtK(judgement, 4)).toBe(1);
    expect(mrrAtK(judgement, 10)).toBe(0.5);
  });

  it('a perfect ranking scores 1, an empty one 0', () => {
    const perfect = { matches: [[0], [1]], relevantCount: 2 };
    expect([recallAtK(perfect, 5), mrrAtK(perfect, 5), ndcgAtK(perfect, 5)]).toEqual([1, 1, 1]);
    const empty = { matches: [], relevantCount: 1 };
    expect([recallAtK(empty, 5), mrrAtK(empty, 5), ndcgAtK(empty, 5)]).toEqual([0, 0, 0]);
  });

  it('refuses queries without relevant spans', () => {
    expect(() => recallAtK({ matches: [[]], relevantCount: 0 }, 5)).toThrow('metrics: recall needs a query');
  });
});
