/**
 * `npm run bench -- --only idb-load [--sizes 100000]`: only the IndexedDB load of stored vectors, with no
 * model and no indexing (a minute instead of the cold-start step's three). Prints one JSON object.
 */
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IdbBenchResult } from '../../src/bench/protocol';
import { benchPage } from './bench-page';
import { launchBrowser } from './browser';
import { ensureBuild } from './build';
import { serveDist } from './server';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = 5;
const DIMS = 512;

/** What `--only idb-load` prints. */
export interface IdbLoadBenchResult {
  /** Load of stored vectors, per size. */
  idbLoad: (IdbBenchResult & { vectors: number })[];
  /** One-minute load average at start and end. */
  loadAverage: { start: number; end: number };
}

/**
 * Times the IndexedDB load at each size, each in a fresh bench page.
 *
 * @example
 * const result = await runIdbLoadBench([100_000], console.error);
 */
export async function runIdbLoadBench(
  sizes: readonly number[],
  log: (line: string) => void,
): Promise<IdbLoadBenchResult> {
  const start = loadavg()[0]!;
  await ensureBuild(PROJECT_ROOT, log);
  const served = await serveDist(PROJECT_ROOT);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const pages = benchPage(context, served.url);
    const idbLoad = [];
    for (const vectors of sizes) {
      const idb = await pages.idbLoad({ vectors, dims: DIMS, runs: RUNS });
      if (idb.rows !== vectors) throw new Error(`loaded ${idb.rows} of ${vectors} rows`);
      log(
        `  ${vectors} vectors: load ${idb.ms.toFixed(1)} ms, IndexedDB alone ${idb.rawMs.toFixed(1)} ms (first, packing ${idb.packMs.toFixed(0)} ms; after adding a 20-passage document ${idb.addMs.toFixed(0)} ms)`,
      );
      idbLoad.push({ vectors, ...idb });
    }
    await context.close();
    return { idbLoad, loadAverage: { start, end: loadavg()[0]! } };
  } finally {
    await browser.browser.close();
    await served.close();
  }
}
