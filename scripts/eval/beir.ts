/**
 * Evaluation on a folder in BEIR layout: every query through the app's `runSearch`, passage hits turned
 * into a document ranking (a document ranks where its first passage does), judged by BEIR's definitions.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  beirSet,
  parseBeirCorpus,
  parseBeirQueries,
  parseQrels,
  type BeirSet,
} from '../../src/core/metrics/beir';
import { beirQueryMetrics, meanBeirMetrics, type BeirMetrics } from '../../src/core/metrics/beir-metrics';
import { runSearch } from '../../workers/searcher';
import { APP_MODE, type EvalMode } from './args';
import type { EvalSetup } from './prepare';
import { MODEL_LOADING, modelFields, type ModelFields } from './evaluate';

/** The BEIR files of a folder, relative to it. */
const FILES = { corpus: 'corpus.jsonl', queries: 'queries.jsonl', qrels: 'qrels/test.tsv' } as const;

/** The evaluation of one mode on a BEIR folder, as `--json` prints it. */
export interface BeirReport extends ModelFields {
  /** The folder evaluated. */
  corpus: string;
  /** Documents (corpus entries) retrieved per query. */
  k: number;
  /** Corpus entries and the passages they were chunked into. */
  documents: number;
  passages: number;
  /** Queries evaluated (those with a relevant entry). */
  queries: number;
  /** Means over the queries, by BEIR's definitions. */
  metrics: BeirMetrics;
  /** The BM25 index: build time, and the median keyword search time per query (`null` in dense mode). */
  keyword: { buildMs: number; queryP50Ms: number | null };
}

/**
 * Reads a BEIR folder. Throws `beir: ...` naming the missing file and the expected layout, or the
 * malformed line.
 *
 * @example
 * const set = await loadBeirFolder('tests/fixtures/xquad-r-zh');
 */
export async function loadBeirFolder(dir: string): Promise<BeirSet> {
  const read = async (file: string): Promise<string> => {
    try {
      return await readFile(join(dir, file), 'utf8');
    } catch {
      throw new Error(
        `beir: cannot read ${join(dir, file)} (a BEIR folder holds ${Object.values(FILES).join(', ')})`,
      );
    }
  };
  // One after the other, so a folder missing several files always names the first in layout order.
  const corpus = await read(FILES.corpus);
  const queries = await read(FILES.queries);
  const qrels = await read(FILES.qrels);
  return beirSet(parseBeirCorpus(corpus), parseBeirQueries(queries), parseQrels(qrels));
}

/**
 * The median of some numbers (0 for none).
 *
 * @example
 * median([3, 1, 2, 10]); // 2.5
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Searches every query of `set` in `mode` and returns the mean metrics over the top `k` documents. The
 * search asks for enough passages that `k` distinct documents fit even if every other passage of a
 * document ranks first. Throws when `mode` needs the dense side and `setup` has none.
 *
 * @example
 * const report = await evaluateBeir(setup, set, 'tests/fixtures/xquad-r-zh', 'lexical', 100);
 * report.metrics['ndcg@10']; // 0.85
 */
export async function evaluateBeir(
  setup: EvalSetup,
  set: BeirSet,
  corpus: string,
  mode: EvalMode,
  k: number,
): Promise<BeirReport> {
  const model = modelFields(setup, mode);
  const { library } = setup;
  const passages = library.allPassages().length;
  const documents = library.allDocuments().length;
  const perQuery: BeirMetrics[] = [];
  const keywordMs: number[] = [];
  for (const query of set.queries) {
    const request = { query: query.text, mode: APP_MODE[mode], k: k + passages - documents };
    const response = await runSearch(request, library, setup.dense, MODEL_LOADING);
    if (response.mode !== request.mode) throw new Error(`${mode} search fell back to ${response.mode}`);
    keywordMs.push(response.timings.keywordMs);
    const ranked = [...new Set(response.hits.map((hit) => hit.docId))].slice(0, k);
    perQuery.push(beirQueryMetrics(ranked, set.qrels.get(query.id) ?? new Map()));
  }
  return {
    ...model,
    corpus,
    k,
    documents,
    passages,
    queries: set.queries.length,
    metrics: meanBeirMetrics(perQuery),
    keyword: { buildMs: setup.keywordBuildMs, queryP50Ms: mode === 'dense' ? null : median(keywordMs) },
  };
}
