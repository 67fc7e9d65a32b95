/**
 * Runs the whole benchmark: build if needed, serve `dist/`, drive Chromium through the app and the bench
 * page, and return one {@link BenchResult}.
 */
import { readFile, stat } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { SearchBenchResult, SearchMethod } from '../../src/bench/protocol';
import { parseQueries } from '../../src/core/metrics/queries';
import type { Dtype, ModelEntry } from '../../src/embed/registry';
import { appUrl, BENCH_MODE, measureColdStart, measureIndexing, measureQueries } from './app';
import { benchPage, type BenchPage } from './bench-page';
import { launchBrowser, type BenchBrowser } from './browser';
import { ensureBuild } from './build';
import { readBertShape } from './flops';
import { peakShapes } from './matmul';
import type { AccuracySection, BenchResult, SearchResult } from './result';
import { serveDist } from './server';
import { benchModel, PROJECT_ROOT } from './session';
import { sampleRendererMemory } from './memory';
import { spreadOf, summarizeIndex, summarizeSearch } from './summarize';
import { SEARCH_DEBOUNCE_MS } from '../../src/hooks/search-debounce';

const QUERIES_FILE = 'tests/fixtures/eval/dev-queries.jsonl';

/** Vector counts of the search benchmark by default. */
export const DEFAULT_SIZES: readonly number[] = [10_000, 100_000];

const DIMS = 512;
const QUERY_ROUNDS = 3;
const COLD_START_RUNS = 10;
const ONE_THREAD = 1;
const PEAK_RUNS = 5;
const SEARCH_WARMUP = 2;
const SEARCH_RUNS = 9;
const IDB_RUNS = 3;
const METHODS: readonly SearchMethod[] = ['scan', 'int8', 'naive', 'orama'];

/** Options of {@link runBench}. */
export interface BenchOptions {
  /** Registry id of a model whose files are under `public/models/` (the test models are). */
  model: string;
  /** Vector counts for the search benchmark. */
  sizes?: readonly number[];
  /** Progress lines (the CLI sends them to stderr). */
  log?: (line: string) => void;
}

async function measureSearch(
  pages: BenchPage,
  vectors: number,
  log: (line: string) => void,
): Promise<SearchResult> {
  const methods = {} as Record<SearchMethod, SearchBenchResult>;
  for (const method of METHODS) {
    methods[method] = await pages.search({
      method,
      vectors,
      dims: DIMS,
      k: 10,
      warmup: SEARCH_WARMUP,
      runs: SEARCH_RUNS,
    });
    log(`  ${vectors} vectors, ${method}: ${methods[method].ms.toFixed(2)} ms`);
  }
  const idb = await pages.idbLoad({ vectors, dims: DIMS, runs: IDB_RUNS });
  if (idb.rows !== vectors) throw new Error(`readVectors returned ${idb.rows} of ${vectors} rows`);
  log(
    `  ${vectors} vectors, IndexedDB load: ${idb.ms.toFixed(1)} ms (first, packing: ${idb.packMs.toFixed(0)} ms; after adding a document: ${idb.addMs.toFixed(0)} ms)`,
  );
  return summarizeSearch(vectors, DIMS, methods, idb);
}

/** q8 against fp32 on the stored passages and the dev queries; undefined when the model has no q8 file. */
async function measureAccuracy(
  pages: BenchPage,
  model: ModelEntry,
  threads: number,
  queries: string[],
  log: (line: string) => void,
): Promise<AccuracySection | undefined> {
  const q8 = join(PROJECT_ROOT, 'public', 'models', model.id, 'onnx', 'model_quantized.onnx');
  if (!(await stat(q8).catch(() => undefined))) {
    log('accuracy: no model_quantized.onnx, skipped');
    return undefined;
  }
  log('accuracy: q8 against fp32 on the stored passages and dev queries…');
  const result = await pages.accuracy({
    modelId: model.id,
    dtype: 'q8',
    reference: 'fp32',
    threads,
    queries,
  });
  log(
    `  min cosine ${result.minCosine.toFixed(4)}, mean top-10 overlap ${result.meanTop10Overlap.toFixed(3)}`,
  );
  return { dtype: 'q8', reference: 'fp32', ...result };
}

/** The app's indexing at fp32 in a fresh context (the extra row next to the registry's dtype). */
async function measureFp32Indexing(
  browser: BenchBrowser,
  url: string,
  modelId: string,
  log: (line: string) => void,
) {
  log(`indexing with ${modelId} at fp32 (?dtype=fp32) in a fresh context…`);
  const context = await browser.newContext();
  try {
    const { indexing } = await measureIndexing(context, url, modelId, 'fp32');
    log(`  ${indexing.embedded} passages in ${indexing.indexMs} ms (${indexing.dtype})`);
    return indexing;
  } finally {
    await context.close();
  }
}

async function measureApp(
  context: BrowserContext,
  url: string,
  modelId: string,
  log: (line: string) => void,
) {
  log(`indexing with ${modelId} in a fresh context…`);
  const memory = sampleRendererMemory();
  const { page, indexing } = await measureIndexing(context, url, modelId);
  const peakRendererBytes = await memory.stop();
  log(`  ${indexing.embedded} passages in ${indexing.indexMs} ms, ${indexing.longTasks} long tasks`);
  log(
    `  ${indexing.dtype} on ${indexing.threads} threads, renderer peak ${(peakRendererBytes / 2 ** 20).toFixed(0)} MiB`,
  );
  const queries = parseQueries(await readFile(join(PROJECT_ROOT, QUERIES_FILE), 'utf8')).map((q) => q.query);
  log(`querying: ${QUERY_ROUNDS} × ${queries.length} dev queries…`);
  const query = await measureQueries(page, appUrl(url, modelId), queries, QUERY_ROUNDS);
  log(`  p50 ${query.p50Ms.toFixed(1)} ms, p95 ${query.p95Ms.toFixed(1)} ms`);
  log(`cold start with cached model and index: ${COLD_START_RUNS} reloads of one tab…`);
  const reloads = await measureColdStart(page, url, modelId, queries[0] ?? '开源模型', COLD_START_RUNS);
  const cold = {
    runs: COLD_START_RUNS,
    firstResult: spreadOf(reloads.firstResultMs),
    fullResult: spreadOf(reloads.fullResultMs),
  };
  log(`  first result ${reloads.firstResultMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  log(`  first ${BENCH_MODE} result ${reloads.fullResultMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  await page.close();
  return { indexing, query, cold, queries, peakRendererBytes };
}

/**
 * Runs every measurement with `options.model` on WASM and returns the result.
 *
 * @example
 * const result = await runBench({ model: 'fixture-tiny', sizes: [1000] });
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const log = options.log ?? (() => {});
  const model = benchModel(options.model);
  await ensureBuild(PROJECT_ROOT, log);
  const shape = await readBertShape(join(PROJECT_ROOT, 'public', 'models', model.id));
  const served = await serveDist(PROJECT_ROOT);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const app = await measureApp(context, served.url, model.id, log);
    const { indexing, query, cold } = app;
    const pages = benchPage(context, served.url);
    log('baseline: one pipeline() call per passage, at transformers.js and onnxruntime-web defaults…');
    const baseline = await pages.baseline({ modelId: model.id });
    log(`  ${baseline.weights}, ${baseline.threads} thread(s): ${baseline.ms.toFixed(0)} ms`);
    if (baseline.passages !== indexing.embedded) {
      log(`warning: the baseline embedded ${baseline.passages} passages, the app ${indexing.embedded}`);
    }
    const dtype = indexing.dtype as Dtype;
    log(`ours at ${ONE_THREAD} thread (${dtype}, the app's batches)…`);
    const oursOneThread = await pages.ours({ modelId: model.id, dtype, threads: ONE_THREAD });
    log(`  ${oursOneThread.ms.toFixed(0)} ms`);
    const accuracy = await measureAccuracy(pages, model, indexing.threads, app.queries, log);
    const fp32 = dtype === 'fp32' ? undefined : await measureFp32Indexing(browser, served.url, model.id, log);
    const shapes = peakShapes();
    log(`peak: plain MatMul with ${indexing.threads} threads…`);
    const peak = await pages.peak({ threads: Math.max(1, indexing.threads), shapes, runs: PEAK_RUNS });
    log(`peak: plain MatMul with ${ONE_THREAD} thread…`);
    const peakOneThread = await pages.peak({ threads: ONE_THREAD, shapes, runs: PEAK_RUNS });
    const machine = await pages.machine();
    log('vector search…');
    const search: SearchResult[] = [];
    for (const vectors of options.sizes ?? DEFAULT_SIZES)
      search.push(await measureSearch(pages, vectors, log));
    await context.close();
    return {
      model: model.id,
      testModel: model.testModel !== undefined,
      index: summarizeIndex({
        app: indexing,
        baseline,
        oursOneThread,
        peakRendererBytes: app.peakRendererBytes,
        fp32,
        peak,
        peakOneThread,
        shape,
      }),
      query: {
        p50Ms: query.p50Ms,
        p95Ms: query.p95Ms,
        debounceMs: SEARCH_DEBOUNCE_MS,
        p50MsWithoutDebounce: query.p50Ms - SEARCH_DEBOUNCE_MS,
        p95MsWithoutDebounce: query.p95Ms - SEARCH_DEBOUNCE_MS,
        engineP50Ms: query.engineP50Ms,
        cachedP50Ms: query.cachedP50Ms,
        samples: query.samples.length,
        mode: BENCH_MODE,
      },
      longTasksDuringIndexing: indexing.longTasks,
      longestTaskMs: indexing.longestTaskMs,
      coldStartMs: cold.firstResult.medianMs,
      coldStartFullMs: cold.fullResult.medianMs,
      coldStart: cold,
      accuracy,
      search,
      machine: {
        ...machine,
        crossOriginIsolated: indexing.isolated,
        device: indexing.device,
        dtype: indexing.dtype,
        loadAverage: { start: loadAtStart, end: loadavg()[0]! },
      },
      blockedRequests: browser.blocked.length,
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await browser.browser.close();
    await served.close();
  }
}
