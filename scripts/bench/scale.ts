/**
 * `npm run bench -- --scale [--json] [--sizes 10000,50000,200000] [--matrix 1000000]`: stores generated
 * corpora through the app's storage code in Chromium and measures ingestion, IndexedDB bytes, start-up to
 * the first keyword result, keyword and dense p50 and memory; then in-memory search over `--matrix`
 * clustered 512-d vectors with recall@10 against the exact scan. No model runs: vectors are synthesised.
 */
import { execFileSync } from 'node:child_process';
import type { BrowserContext } from 'playwright-core';
import type {
  ScaleBenchApi,
  ScaleIngestResult,
  ScaleMatrixResult,
  ScaleStartResult,
} from '../../src/bench/scale-protocol';
import { callBenchPage } from './bench-page';
import { launchBrowser } from './browser';
import { ensureBuild } from './build';
import { sampleRendererMemory } from './memory';
import { serveDist } from './server';
import { PROJECT_ROOT } from './session';

const DIMS = 512;
const RUNS = 21;
/** Storing 200,000 passages takes minutes on a loaded two-core machine. */
const CALL_TIMEOUT_MS = 1_800_000;

/** Options of {@link runScaleBench}. */
export interface ScaleOptions {
  /** Passage counts stored and searched. */
  sizes: readonly number[];
  /** Rows of the in-memory matrix; 0 skips it. */
  matrixRows: number;
  /** Progress lines. */
  log: (line: string) => void;
}

/** The figures of one stored size. */
export interface ScaleSizeResult extends ScaleIngestResult, ScaleStartResult {
  /** Passages stored. */
  passages: number;
  /** Peak resident bytes of the renderer processes during start-up and queries. */
  rendererPeakBytes: number;
  /** `uptime` when the size finished. */
  uptime: string;
}

/** The figures of the in-memory matrix. */
export interface ScaleMatrixSection extends ScaleMatrixResult {
  /** Rows searched. */
  rows: number;
  /** Peak resident bytes of the renderer processes. */
  rendererPeakBytes: number;
  /** `uptime` when it finished. */
  uptime: string;
}

/** Everything `--scale` measured. */
export interface ScaleResult {
  /** Vector dimensions. */
  dims: number;
  /** One entry per stored size. */
  sizes: ScaleSizeResult[];
  /** The in-memory matrix, unless skipped. */
  matrix?: ScaleMatrixSection;
}

function uptime(): string {
  return execFileSync('uptime', { encoding: 'utf8' }).trim();
}

function call<R>(
  context: BrowserContext,
  base: string,
  task: keyof ScaleBenchApi,
  request: unknown,
  log: (line: string) => void,
): Promise<R> {
  return callBenchPage<R>(context, base, {
    api: 'scaleBench',
    task,
    request,
    timeoutMs: CALL_TIMEOUT_MS,
    log,
  });
}

/** Runs a call while sampling the renderer's resident memory. */
async function sampled<R>(run: () => Promise<R>): Promise<[R, number]> {
  const memory = sampleRendererMemory();
  try {
    const result = await run();
    return [result, await memory.stop()];
  } catch (error) {
    await memory.stop();
    throw error;
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * Measures every size in a fresh browser context, then the in-memory matrix.
 *
 * @example
 * const result = await runScaleBench({ sizes: [10_000], matrixRows: 0, log: console.error });
 */
export async function runScaleBench(options: ScaleOptions): Promise<ScaleResult> {
  const { log } = options;
  await ensureBuild(PROJECT_ROOT, log);
  const served = await serveDist(PROJECT_ROOT);
  const browser = await launchBrowser();
  const result: ScaleResult = { dims: DIMS, sizes: [] };
  try {
    for (const passages of options.sizes) {
      const context = await browser.newContext();
      log(`${passages} passages: storing documents, keyword index and ${DIMS}-d vectors…`);
      const stored = await call<ScaleIngestResult>(
        context,
        served.url,
        'ingest',
        { passages, dims: DIMS },
        log,
      );
      log(
        `  ${stored.passagesPerSecond.toFixed(0)} passages/s, keyword index saved in ${stored.keywordSaveMs.toFixed(0)} ms, IndexedDB ${mib(stored.idbBytes)}`,
      );
      if (stored.keywordIndexError) log(`  keyword index not saved: ${stored.keywordIndexError}`);
      const [started, rendererPeakBytes] = await sampled(() =>
        call<ScaleStartResult>(context, served.url, 'start', { passages, runs: RUNS }, log),
      );
      log(
        `  first keyword result ${started.firstKeywordMs.toFixed(0)} ms (IndexedDB reads ${started.readMs.toFixed(0)}, library load ${started.libraryLoadMs.toFixed(0)}), keyword index ${mib(started.keywordIndexBytes)}, keyword p50 ${started.keywordP50Ms.toFixed(1)} ms, dense p50 ${started.denseP50Ms.toFixed(1)} ms, JS heap ${mib(started.jsHeapBytes)}, vectors ${mib(started.vectorBytes)}, renderer peak ${mib(rendererPeakBytes)}`,
      );
      result.sizes.push({ passages, ...stored, ...started, rendererPeakBytes, uptime: uptime() });
      await context.close();
    }
    if (options.matrixRows > 0) {
      const context = await browser.newContext();
      log(`${options.matrixRows} × ${DIMS} clustered vectors in memory…`);
      const [matrix, rendererPeakBytes] = await sampled(() =>
        call<ScaleMatrixResult>(
          context,
          served.url,
          'matrix',
          {
            rows: options.matrixRows,
            dims: DIMS,
            runs: RUNS,
          },
          log,
        ),
      );
      log(`  search p50 ${matrix.searchP50Ms.toFixed(1)} ms, recall@10 ${matrix.recallAt10.toFixed(3)}`);
      result.matrix = { rows: options.matrixRows, ...matrix, rendererPeakBytes, uptime: uptime() };
      await context.close();
    }
    if (browser.blocked.length > 0) throw new Error(`blocked requests: ${browser.blocked.join(', ')}`);
    return result;
  } finally {
    await browser.browser.close();
    await served.close();
  }
}
