/**
 * Per-query evaluation and per-kind summaries.
 */
import { detectJunk } from './junk';
import type { EvalQuery, QueryKind } from './queries';
import { mrrAtK, ndcgAtK, recallAtK } from './rank-metrics';
import { judgeHits, type EvalHit } from './relevance';

/** The evaluation of one query's top `k` hits. */
export interface QueryEvaluation {
  /** Query id. */
  id: string;
  /** Query kind. */
  kind: QueryKind;
  /** Recall@k; `null` for a query without relevant spans. */
  recall: number | null;
  /** Reciprocal rank of the first relevant hit within k; `null` without relevant spans. */
  mrr: number | null;
  /** nDCG@k; `null` without relevant spans. */
  ndcg: number | null;
  /** How many of the top `k` hits are spam or boilerplate. */
  junkHits: number;
}

/** Means over the queries of one kind. */
export interface KindSummary {
  /** The kind. */
  kind: QueryKind;
  /** Number of queries. */
  queries: number;
  /** Mean recall@k over queries with relevant spans (`null` when there are none, e.g. `negative`). */
  recall: number | null;
  /** Mean reciprocal rank (MRR@k), as `recall`. */
  mrr: number | null;
  /** Mean nDCG@k, as `recall`. */
  ndcg: number | null;
  /** Share of queries with at least one junk hit in the top k (the negative-query failure rate). */
  junkRate: number;
}

/**
 * Evaluates one query's ranked hits at cut-off `k`.
 *
 * @example
 * evaluateQuery(query, hits.map((h) => ({ source: h.source, text: h.text })), 5);
 * // { id: 'd03', kind: 'lexical', recall: 1, mrr: 1, ndcg: 1, junkHits: 0 }
 */
export function evaluateQuery(query: EvalQuery, hits: readonly EvalHit[], k: number): QueryEvaluation {
  const top = hits.slice(0, k);
  const junkHits = top.filter((hit) => detectJunk(hit.text) !== null).length;
  if (query.relevant.length === 0)
    return { id: query.id, kind: query.kind, recall: null, mrr: null, ndcg: null, junkHits };
  const judgement = judgeHits(top, query.relevant);
  return {
    id: query.id,
    kind: query.kind,
    recall: recallAtK(judgement, k),
    mrr: mrrAtK(judgement, k),
    ndcg: ndcgAtK(judgement, k),
    junkHits,
  };
}

function mean(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

/**
 * Groups query evaluations by kind (in order of first appearance) and averages them.
 *
 * @example
 * summarizeByKind(evaluations); // [{ kind: 'lexical', queries: 2, recall: 1, mrr: 0.75, ndcg: 0.82, junkRate: 0 }, ...]
 */
export function summarizeByKind(evaluations: readonly QueryEvaluation[]): KindSummary[] {
  const byKind = new Map<QueryKind, QueryEvaluation[]>();
  for (const evaluation of evaluations)
    byKind.set(evaluation.kind, [...(byKind.get(evaluation.kind) ?? []), evaluation]);
  return Array.from(byKind, ([kind, group]) => ({
    kind,
    queries: group.length,
    recall: mean(group.map((e) => e.recall)),
    mrr: mean(group.map((e) => e.mrr)),
    ndcg: mean(group.map((e) => e.ndcg)),
    junkRate: group.filter((e) => e.junkHits > 0).length / group.length,
  }));
}
