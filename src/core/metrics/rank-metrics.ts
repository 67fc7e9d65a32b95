/**
 * Rank metrics over a {@link Judgement} (binary relevance). They are undefined for a query without
 * relevant spans (negative queries) and throw for one.
 */
import type { Judgement } from './relevance';

function requireRelevant(judgement: Judgement, metric: string): void {
  if (judgement.relevantCount === 0) throw new Error(`metrics: ${metric} needs a query with relevant spans`);
}

/**
 * Recall@k: the share of relevant spans contained in at least one of the first `k` hits.
 *
 * @example
 * recallAtK({ matches: [[], [1], [0, 1]], relevantCount: 3 }, 2); // 1/3
 */
export function recallAtK(judgement: Judgement, k: number): number {
  requireRelevant(judgement, 'recall');
  const found = new Set(judgement.matches.slice(0, k).flat());
  return found.size / judgement.relevantCount;
}

/**
 * Reciprocal rank of the first relevant hit within the first `k` (0 when there is none). Averaged over
 * queries it is MRR@k.
 *
 * @example
 * mrrAtK({ matches: [[], [], [0]], relevantCount: 1 }, 5); // 1/3
 */
export function mrrAtK(judgement: Judgement, k: number): number {
  requireRelevant(judgement, 'MRR');
  const rank = judgement.matches.slice(0, k).findIndex((m) => m.length > 0);
  return rank === -1 ? 0 : 1 / (rank + 1);
}

/**
 * nDCG@k with binary gains. A hit gains 1 when it contains a relevant span no earlier hit contained
 * (a second passage with the same span is a duplicate, not new information), discounted by
 * `log2(rank + 1)`; the ideal ranking puts one hit per relevant span first. Always within [0, 1].
 *
 * @example
 * ndcgAtK({ matches: [[], [], [0]], relevantCount: 1 }, 5); // 1 / log2(4) = 0.5
 */
export function ndcgAtK(judgement: Judgement, k: number): number {
  requireRelevant(judgement, 'nDCG');
  const seen = new Set<number>();
  let dcg = 0;
  judgement.matches.slice(0, k).forEach((matched, i) => {
    const fresh = matched.filter((m) => !seen.has(m));
    fresh.forEach((m) => seen.add(m));
    if (fresh.length > 0) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, judgement.relevantCount); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}
