import { describe, expect, it } from 'vitest';
import {
  beirMrr,
  beirNdcg,
  beirQueryMetrics,
  beirRecall,
  meanBeirMetrics,
} from '../../../src/core/metrics/beir-metrics';

// Graded judgements: a is very relevant (2), b and c relevant (1), z judged not relevant (0).
const judged = new Map([
  ['a', 2],
  ['b', 1],
  ['c', 1],
  ['z', 0],
]);

describe('BEIR metrics, against hand-computed values', () => {
  it('nDCG@10 uses the score as gain and the judgements sorted best first as the ideal', () => {
    // DCG = 2/log2(3) + 1/log2(4) = 1.26186 + 0.5; IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4) = 3.13093
    expect(beirNdcg(['x', 'a', 'b'], judged, 10)).toBeCloseTo(1.76186 / 3.13093, 5);
    expect(beirNdcg(['a', 'b', 'c'], judged, 10)).toBeCloseTo(1, 10);
    expect(beirNdcg(['a', 'b', 'c'], judged, 1)).toBeCloseTo(1, 10);
    expect(beirNdcg(['b', 'a'], judged, 1)).toBeCloseTo(0.5, 10); // 1/1 against 2/1
  });

  it('MRR@10 is the reciprocal rank of the first id judged above 0 within 10', () => {
    expect(beirMrr(['z', 'x', 'c'], judged, 10)).toBeCloseTo(1 / 3, 10);
    expect(beirMrr(['a'], judged, 10)).toBe(1);
    const late = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'a'];
    expect(beirMrr(late, judged, 10)).toBe(0);
  });

  it('recall@k counts the relevant ids within k over all relevant ids', () => {
    expect(beirRecall(['x', 'a', 'z', 'b'], judged, 10)).toBeCloseTo(2 / 3, 10);
    expect(beirRecall(['x', 'a'], judged, 1)).toBe(0);
    const at50 = [...Array.from({ length: 49 }, (_, i) => `x${i}`), 'c'];
    expect(beirQueryMetrics(at50, judged)).toMatchObject({ 'recall@10': 0, 'recall@100': 1 / 3 });
  });

  it('gives 0 everywhere when nothing is relevant, and averages over queries', () => {
    const none = new Map([['z', 0]]);
    expect(beirQueryMetrics(['z'], none)).toEqual({
      'ndcg@10': 0,
      'mrr@10': 0,
      'recall@10': 0,
      'recall@100': 0,
    });
    const mean = meanBeirMetrics([
      beirQueryMetrics(['a', 'b', 'c'], judged),
      beirQueryMetrics(['x'], judged),
    ]);
    expect(mean).toEqual({ 'ndcg@10': 0.5, 'mrr@10': 0.5, 'recall@10': 0.5, 'recall@100': 0.5 });
  });
});
