/**
 * Rank metrics by BEIR's definitions (pytrec_eval's `ndcg_cut` and `recall`, BEIR's MRR) over a ranked
 * list of corpus ids and one query's graded judgements. Unjudged ids and scores of 0 or less gain nothing.
 */
import type { Judgements } from './beir';

/** The four figures reported per set. */
export interface BeirMetrics {
  'ndcg@10': number;
  'mrr@10': number;
  'recall@10': number;
  'recall@100': number;
}

const gain = (judged: Judgements, id: string): number => Math.max(0, judged.get(id) ?? 0);

const relevantCount = (judged: Judgements): number => [...judged.values()].filter((s) => s > 0).length;

/**
 * nDCG@k with the judgement score as gain, discounted by `log2(rank + 1)`, divided by the DCG of the
 * judgements sorted best first. 0 when nothing is relevant.
 *
 * @example
 * beirNdcg(['x', 'a'], new Map([['a', 1]]), 10); // 1 / log2(3) = 0.631
 */
export function beirNdcg(ranked: readonly string[], judged: Judgements, k: number): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(judged, id) / Math.log2(i + 2), 0);
  const ideal = [...judged.values()]
    .filter((score) => score > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, score, i) => sum + score / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/**
 * Reciprocal rank of the first relevant id within the first `k` (0 when there is none).
 *
 * @example
 * beirMrr(['x', 'y', 'a'], new Map([['a', 1]]), 10); // 1/3
 */
export function beirMrr(ranked: readonly string[], judged: Judgements, k: number): number {
  const rank = ranked.slice(0, k).findIndex((id) => gain(judged, id) > 0);
  return rank === -1 ? 0 : 1 / (rank + 1);
}

/**
 * Recall@k: relevant ids among the first `k` over all relevant ids (0 when nothing is relevant).
 *
 * @example
 * beirRecall(['a', 'x'], new Map([['a', 1], ['b', 1]]), 10); // 0.5
 */
export function beirRecall(ranked: readonly string[], judged: Judgements, k: number): number {
  const total = relevantCount(judged);
  if (total === 0) return 0;
  return ranked.slice(0, k).filter((id) => gain(judged, id) > 0).length / total;
}

/**
 * The four figures for one query.
 *
 * @example
 * beirQueryMetrics(['a'], new Map([['a', 1]])); // { 'ndcg@10': 1, 'mrr@10': 1, 'recall@10': 1, 'recall@100': 1 }
 */
export function beirQueryMetrics(ranked: readonly string[], judged: Judgements): BeirMetrics {
  return {
    'ndcg@10': beirNdcg(ranked, judged, 10),
    'mrr@10': beirMrr(ranked, judged, 10),
    'recall@10': beirRecall(ranked, judged, 10),
    'recall@100': beirRecall(ranked, judged, 100),
  };
}

/**
 * Means of per-query figures (all zeros for no queries).
 *
 * @example
 * meanBeirMetrics([beirQueryMetrics(['a'], judged), beirQueryMetrics([], judged)])['mrr@10']; // 0.5
 */
export function meanBeirMetrics(perQuery: readonly BeirMetrics[]): BeirMetrics {
  const mean = (key: keyof BeirMetrics): number =>
    perQuery.length === 0 ? 0 : perQuery.reduce((sum, m) => sum + m[key], 0) / perQuery.length;
  return {
    'ndcg@10': mean('ndcg@10'),
    'mrr@10': mean('mrr@10'),
    'recall@10': mean('recall@10'),
    'recall@100': mean('recall@100'),
  };
}
