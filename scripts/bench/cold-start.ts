/**
 * `npm run bench -- --only cold-start`: only the start-up figures. Indexes once in a fresh context (so the
 * model and index are cached), reloads the tab as the full bench does (optionally tracing each reload),
 * then times the IndexedDB load of stored vectors at the requested sizes.
 */
import { mkdir } from 'node:fs/promises';
import type { IdbBenchResult } from '../../src/bench/protocol';
import { BENCH_MODE, measureColdStart, measureIndexing } from './app';
import { benchPage } from './bench-page';
import type { ColdStartResult } from './result';
import { benchModel, withBenchSession } from './session';
import { spreadOf } from './summarize';

const COLD_START_RUNS = 10;
const IDB_RUNS = 3;
const DIMS = 512;
/** The first dev query, as the full bench uses. */
const QUERY = '阿里已经开源了多少款模型';

/** Options of {@link runColdStartBench}. */
export interface ColdStartOptions {
  /** Registry id of a model whose files are under `public/models/`. */
  model: string;
  /** Vector counts of the IndexedDB load. */
  sizes: readonly number[];
  /** Folder for one Chromium trace per reload, if wanted. */
  traceDir?: string;
  /** Progress lines. */
  log: (line: string) => void;
}

/** What `--only cold-start` prints. */
export interface ColdStartBenchResult {
  /** Registry id of the model. */
  model: string;
  /** Whether it is a generated test model (its figures are not the real model's). */
  testModel: boolean;
  /** Every reload's times, in order, ms. */
  reloads: { firstResultMs: number[]; fullResultMs: number[] };
  /** Their spreads. */
  coldStart: ColdStartResult;
  /** IndexedDB load of stored vectors, per size. */
  idbLoad: (IdbBenchResult & { vectors: number })[];
  /** One-minute load average at start and end. */
  loadAverage: { start: number; end: number };
}

/**
 * Runs the cold-start step alone.
 *
 * @example
 * const result = await runColdStartBench({ model: 'fixture-small-zh', sizes: [100_000], log: console.error });
 */
export async function runColdStartBench(options: ColdStartOptions): Promise<ColdStartBenchResult> {
  const { log } = options;
  const model = benchModel(options.model);
  if (options.traceDir) await mkdir(options.traceDir, { recursive: true });
  return withBenchSession(log, async ({ url, context }) => {
    log(`indexing with ${model.id} in a fresh context…`);
    const { page } = await measureIndexing(context, url, model.id);
    log(`cold start: ${COLD_START_RUNS} reloads of one tab…`);
    const reloads = await measureColdStart(page, url, model.id, QUERY, COLD_START_RUNS, options.traceDir);
    log(`  first result ${reloads.firstResultMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    log(`  first ${BENCH_MODE} result ${reloads.fullResultMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    await page.close();
    const pages = benchPage(context, url);
    const idbLoad = [];
    for (const vectors of options.sizes) {
      const idb = await pages.idbLoad({ vectors, dims: DIMS, runs: IDB_RUNS });
      log(
        `  ${vectors} vectors, IndexedDB load ${idb.ms.toFixed(1)} ms (first, packing ${idb.packMs.toFixed(0)} ms)`,
      );
      idbLoad.push({ vectors, ...idb });
    }
    return {
      model: model.id,
      testModel: model.testModel !== undefined,
      reloads,
      coldStart: {
        runs: COLD_START_RUNS,
        firstResult: spreadOf(reloads.firstResultMs),
        fullResult: spreadOf(reloads.fullResultMs),
      },
      idbLoad,
    };
  });
}
