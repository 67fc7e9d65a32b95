/**
 * Runs every query through the app's `runSearch` in one mode and judges the hits with the app's metrics.
 */
import { evaluateQuery, summarizeByKind, type QueryEvaluation } from '../../src/core/metrics/evaluate';
import { detectJunk, type JunkKind } from '../../src/core/metrics/junk';
import type { EvalQuery, QueryKind } from '../../src/core/metrics/queries';
import { judgeHits } from '../../src/core/metrics/relevance';
import type { SearchHit } from '../../src/shared/protocol';
import type { FallbackReason } from '../../src/shared/messages';
import { runSearch } from '../../workers/searcher';
import { APP_MODE, type EvalMode } from './args';
import type { EvalSetup } from './prepare';

/** The fallback reason runSearch would give; evaluations check that no search fell back. */
export const MODEL_LOADING: FallbackReason = { code: 'keyword-fallback', reason: 'model-loading' };

/** Mean metrics; `null` when no query has relevant passages or the cut-off exceeds `k`. */
export interface Metrics {
  'recall@1': number | null;
  'recall@5': number | null;
  'recall@10': number | null;
  'mrr@10': number | null;
  'ndcg@10': number | null;
}

/** Metrics of one query kind. */
export interface KindMetrics extends Metrics {
  /** Queries of the kind. */
  queries: number;
  /** Share of them with a spam or boilerplate hit in the top k. */
  junkRate: number;
}

/** One ranked hit. */
export interface ReportHit {
  /** Rank from 1. */
  rank: number;
  /** Corpus file name. */
  source: string;
  /** Passage text. */
  text: string;
  /** The app's score for the hit (reciprocal-rank based in every mode). */
  score: number;
}

/** A hit a negative query must not return. */
export interface JunkHit extends ReportHit {
  /** Why it is junk. */
  junk: JunkKind;
}

/** One query's outcome. */
export interface QueryReport {
  id: string;
  kind: QueryKind;
  query: string;
  /** Rank of the first relevant hit within k, or `null` (always for negative queries). */
  firstRelevantRank: number | null;
  /** The top k hits. */
  hits: ReportHit[];
  /** Negative queries only: the spam and boilerplate among `hits`. */
  junkHits?: JunkHit[];
}

/** What every report says first: the mode and the model that took part. */
export interface ModelFields {
  mode: EvalMode;
  /** Model id, or `null` in lexical mode (no model takes part). */
  model: string | null;
  /** Whether the model is a generated test model. */
  testModel: boolean;
  /** What the numbers can and cannot say (test model, no model), or `null`. */
  note: string | null;
}

/** The evaluation of one mode, as `--json` prints it. */
export interface EvalReport extends ModelFields {
  /** Hits retrieved per query. */
  k: number;
  /** Means over the queries with relevant passages. */
  metrics: Metrics;
  /** The same per query kind, in order of first appearance. */
  byKind: Partial<Record<QueryKind, KindMetrics>>;
  queries: QueryReport[];
}

/** The cut-offs reported: recall at each, MRR and nDCG at the last. */
const CUTOFFS = [1, 5, 10] as const;

type Summary = Pick<QueryEvaluation, 'recall' | 'mrr' | 'ndcg'>;

const LEXICAL_NOTE = 'lexical mode: keyword (BM25) search only, no embedding model takes part';

function mean(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

function metricsFrom(summaryAt: (cutoff: (typeof CUTOFFS)[number]) => Summary | undefined): Metrics {
  return {
    'recall@1': summaryAt(1)?.recall ?? null,
    'recall@5': summaryAt(5)?.recall ?? null,
    'recall@10': summaryAt(10)?.recall ?? null,
    'mrr@10': summaryAt(10)?.mrr ?? null,
    'ndcg@10': summaryAt(10)?.ndcg ?? null,
  };
}

function toReportHit(hit: SearchHit, i: number): ReportHit {
  return { rank: i + 1, source: hit.source, text: hit.text, score: hit.score };
}

function queryReport(query: EvalQuery, hits: readonly ReportHit[]): QueryReport {
  const report: QueryReport = {
    id: query.id,
    kind: query.kind,
    query: query.query,
    firstRelevantRank: null,
    hits: [...hits],
  };
  if (query.relevant.length === 0) {
    report.junkHits = hits.flatMap((hit) => {
      const junk = detectJunk(hit.text);
      return junk ? [{ ...hit, junk }] : [];
    });
  } else {
    const rank = judgeHits(hits, query.relevant).matches.findIndex((m) => m.length > 0);
    report.firstRelevantRank = rank === -1 ? null : rank + 1;
  }
  return report;
}

interface Searched {
  query: EvalQuery;
  hits: ReportHit[];
}

function aggregate(searched: readonly Searched[], k: number) {
  const evaluateAt = (cutoff: number) =>
    searched.map(({ query, hits }) => evaluateQuery(query, hits, cutoff));
  const at = new Map(CUTOFFS.filter((cutoff) => cutoff <= k).map((cutoff) => [cutoff, evaluateAt(cutoff)]));
  const metrics = metricsFrom((cutoff) => {
    const evaluations = at.get(cutoff);
    if (!evaluations) return undefined;
    const pick = (key: keyof Summary) => mean(evaluations.map((e) => e[key]));
    return { recall: pick('recall'), mrr: pick('mrr'), ndcg: pick('ndcg') };
  });
  const byCutoff = new Map([...at].map(([cutoff, evaluations]) => [cutoff, summarizeByKind(evaluations)]));
  const byKind: Partial<Record<QueryKind, KindMetrics>> = {};
  for (const { kind, queries: count, junkRate } of summarizeByKind(evaluateAt(k))) {
    const kindMetrics = metricsFrom((cutoff) => byCutoff.get(cutoff)?.find((s) => s.kind === kind));
    byKind[kind] = { ...kindMetrics, queries: count, junkRate };
  }
  return { metrics, byKind };
}

/**
 * The mode and model fields of a report. Throws when `mode` needs the dense side and `setup` has none.
 *
 * @example
 * modelFields(setup, 'lexical'); // { mode: 'lexical', model: null, testModel: false, note: 'lexical mode: …' }
 */
export function modelFields(setup: EvalSetup, mode: EvalMode): ModelFields {
  const model = mode === 'lexical' ? undefined : setup.dense?.model;
  if (mode !== 'lexical' && !model) throw new Error(`${mode} mode needs a loaded model`);
  return {
    mode,
    model: model?.id ?? null,
    testModel: model?.testModel !== undefined,
    note: model ? (model.testModel ?? null) : LEXICAL_NOTE,
  };
}

/**
 * Searches every query in `mode` with the app's search path and evaluates the top `k` hits. `log` gets
 * a timing line. Throws when `mode` needs the dense side and `setup` has none.
 *
 * @example
 * const report = await evaluateMode(setup, queries, 'hybrid', 10);
 * report.byKind.lexical?.['recall@5']; // 1
 */
export async function evaluateMode(
  setup: EvalSetup,
  queries: readonly EvalQuery[],
  mode: EvalMode,
  k: number,
  log: (line: string) => void = () => {},
): Promise<EvalReport> {
  const fields = modelFields(setup, mode);
  const searched: Searched[] = [];
  const times: number[] = [];
  for (const query of queries) {
    const request = { query: query.query, mode: APP_MODE[mode], k };
    const response = await runSearch(request, setup.library, setup.dense, MODEL_LOADING);
    if (response.mode !== request.mode) throw new Error(`${mode} search fell back to ${response.mode}`);
    times.push(response.timings.totalMs);
    searched.push({ query, hits: response.hits.map(toReportHit) });
  }
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  log(
    `search: ${queries.length} queries (${mode}) in ${Math.round(total)} ms, per query median ` +
      `${(sorted[sorted.length >> 1] ?? 0).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
  );
  return {
    ...fields,
    k,
    ...aggregate(searched, k),
    queries: searched.map(({ query, hits }) => queryReport(query, hits)),
  };
}
