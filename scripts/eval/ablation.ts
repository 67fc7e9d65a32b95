/**
 * The keyword-ranking ablation of EVALUATION.md: the app's index code with each component of a ranking
 * switched on or off on its own, measured on a BEIR folder and on the dev queries over the bundled corpus.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BeirSet } from '../../src/core/metrics/beir';
import { beirQueryMetrics, meanBeirMetrics, type BeirMetrics } from '../../src/core/metrics/beir-metrics';
import { evaluateQuery } from '../../src/core/metrics/evaluate';
import { parseQueries } from '../../src/core/metrics/queries';
import type { EvalHit } from '../../src/core/metrics/relevance';
import { addPassages, createKeywordIndex, searchKeyword } from '../../src/core/search/keyword-index';
import type { KeywordRanking } from '../../src/core/search/keyword-ranking';
import type { Passage } from '../../src/core/types';
import { DEFAULT_QUERIES } from './args';
import { median } from './beir';
import type { LoadedLibrary } from './corpus';

/** One row: a ranking and its figures on both sets. */
export interface AblationRow {
  name: string;
  beir: BeirMetrics;
  dev: BeirMetrics;
  /** Median keyword search time per BEIR query, in milliseconds. */
  p50Ms: number;
}

/** Top 100 documents per query, as in BEIR. */
const K = 100;

function indexOf(ranking: KeywordRanking, passages: readonly Passage[]) {
  const index = createKeywordIndex(ranking);
  addPassages(index, passages);
  return index;
}

function onBeir(ranking: KeywordRanking, set: BeirSet, library: LoadedLibrary['library']) {
  const index = indexOf(ranking, library.allPassages());
  const times: number[] = [];
  const perQuery = set.queries.map((query) => {
    const start = performance.now();
    const hits = searchKeyword(index, query.text, K);
    times.push(performance.now() - start);
    const docs = [...new Set(hits.map((hit) => library.passage(hit.id)?.docId ?? ''))];
    return beirQueryMetrics(docs, set.qrels.get(query.id) ?? new Map());
  });
  return { metrics: meanBeirMetrics(perQuery), p50Ms: median(times) };
}

async function onDevQueries(ranking: KeywordRanking, root: string, library: LoadedLibrary['library']) {
  const queries = parseQueries(await readFile(join(root, DEFAULT_QUERIES), 'utf8')).filter(
    (query) => query.relevant.length > 0,
  );
  const index = indexOf(ranking, library.allPassages());
  const hitOf = (id: string): EvalHit[] => {
    const passage = library.passage(id);
    const doc = passage && library.document(passage.docId);
    return passage && doc ? [{ source: doc.source, text: passage.text }] : [];
  };
  return meanBeirMetrics(
    queries.map((query) => {
      const hits = searchKeyword(index, query.query, K).flatMap((hit) => hitOf(hit.id));
      const at = (k: number) => evaluateQuery(query, hits, k);
      return {
        'ndcg@10': at(10).ndcg ?? 0,
        'mrr@10': at(10).mrr ?? 0,
        'recall@10': at(10).recall ?? 0,
        'recall@100': at(100).recall ?? 0,
      };
    }),
  );
}

/**
 * Measures each named ranking on the BEIR set (with its library) and on the dev queries (with the bundled
 * corpus library).
 *
 * @example
 * const rows = await runAblation(ROOT, { '…': KEYWORD_RANKING }, set, beirLibrary, corpusLibrary);
 */
export async function runAblation(
  root: string,
  rankings: Readonly<Record<string, KeywordRanking>>,
  set: BeirSet,
  beirLibrary: LoadedLibrary['library'],
  corpusLibrary: LoadedLibrary['library'],
): Promise<AblationRow[]> {
  const rows: AblationRow[] = [];
  for (const [name, ranking] of Object.entries(rankings)) {
    const { metrics, p50Ms } = onBeir(ranking, set, beirLibrary);
    rows.push({ name, beir: metrics, dev: await onDevQueries(ranking, root, corpusLibrary), p50Ms });
  }
  return rows;
}
