/**
 * `npm run bench -- --only idb-load [--sizes 100000]`: only the IndexedDB load of stored vectors, with no
 * model and no indexing (a minute instead of the cold-start step's three). Prints one JSON object.
 */
import type { IdbBenchResult } from '../../src/bench/protocol';
import { benchPage } from './bench-page';
import { withBenchSession } from './session';

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
  return withBenchSession(log, async ({ url, context }) => {
    const pages = benchPage(context, url);
    const idbLoad = [];
    for (const vectors of sizes) {
      const idb = await pages.idbLoad({ vectors, dims: DIMS, runs: RUNS });
      if (idb.rows !== vectors) throw new Error(`loaded ${idb.rows} of ${vectors} rows`);
      log(
        `  ${vectors} vectors: load ${idb.ms.toFixed(1)} ms, IndexedDB alone ${idb.rawMs.toFixed(1)} ms (first, packing ${idb.packMs.toFixed(0)} ms; after adding a 20-passage document ${idb.addMs.toFixed(0)} ms)`,
      );
      idbLoad.push({ vectors, ...idb });
    }
    return { idbLoad };
  });
}
