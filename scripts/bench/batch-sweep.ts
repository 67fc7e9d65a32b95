/**
 * `npm run bench -- --batches`: the app's embedding throughput by batch size and thread count, on the bench
 * page, over the passages the app itself stored, next to the app's own indexing time and the usual way in
 * the same run. It shows which batch size pays for its padding at the app's dtype, and how much of the app's
 * indexing time is embedding.
 */
import type { OursResult } from '../../src/bench/protocol';
import type { Dtype } from '../../src/embed/registry';
import { measureIndexing } from './app';
import { benchPage } from './bench-page';
import { benchModel, withBenchSession } from './session';

/** Batch sizes tried. */
export const SWEEP_SIZES: readonly number[] = [1, 2, 4, 8, 16, 32];
/** Thread counts tried. */
export const SWEEP_THREADS: readonly number[] = [1, 2];
/** Times the whole grid is run by default (interleaved, so a burst of load on the shared machine hits one sample). */
export const SWEEP_ROUNDS = 2;
/** A passage is at most the model's 512 tokens, so this never cuts a batch below its item limit. */
const MAX_TOKENS_PER_PASSAGE = 512;

/** One batch size at one thread count. */
export interface SweepRow {
  /** Most passages per batch. */
  batch: number;
  /** WASM threads. */
  threads: number;
  /** Passages per second, one per round. */
  perSec: number[];
}

/** What {@link runBatchSweep} returns. */
export interface SweepResult {
  /** Registry id of the model. */
  model: string;
  /** Whether it is a generated test model. */
  testModel: boolean;
  /** The app's dtype. */
  dtype: string;
  /** The app's indexing: passages, its time, its threads. */
  app: { embedded: number; indexMs: number; threads: number };
  /** The app's own batches on the bench page at the app's threads: embedding only, no storing. */
  embedOnly: OursResult;
  /** The usual way (one `pipeline()` call per passage, library defaults). */
  baseline: { ms: number; threads: number; weights: string };
  /** Fixed batch sizes (no token cap) at each thread count. */
  rows: SweepRow[];
  /** 1-minute load average at the start and the end. */
  loadAverage: { start: number; end: number };
}

/**
 * Indexes the corpus in the app, then times the app's embedder on the bench page per batch size and thread
 * count, `rounds` times (0: only the app, its batches on the bench page and the usual way).
 *
 * @example
 * const sweep = await runBatchSweep('fixture-small-zh', console.error);
 */
export async function runBatchSweep(
  modelId: string,
  log: (line: string) => void,
  rounds = SWEEP_ROUNDS,
): Promise<SweepResult> {
  const model = benchModel(modelId);
  return withBenchSession(log, async ({ url, context }) => {
    const { page, indexing } = await measureIndexing(context, url, model.id);
    await page.close();
    log(`app: ${indexing.embedded} passages in ${indexing.indexMs} ms on ${indexing.threads} threads`);
    const pages = benchPage(context, url);
    const dtype = indexing.dtype as Dtype;
    const embedOnly = await pages.ours({ modelId: model.id, dtype, threads: indexing.threads });
    log(`embedding only, the app's batches: ${embedOnly.ms.toFixed(0)} ms`);
    const baseline = await pages.baseline({ modelId: model.id });
    log(`the usual way: ${baseline.ms.toFixed(0)} ms on ${baseline.threads} thread(s)`);
    const rows: SweepRow[] = SWEEP_THREADS.flatMap((threads) =>
      SWEEP_SIZES.map((batch) => ({ batch, threads, perSec: [] as number[] })),
    );
    for (let round = 0; round < rounds; round++) {
      // Odd rounds run the grid backwards, so a drift over the run does not pass for an effect of batch size.
      for (const row of round % 2 === 0 ? rows : [...rows].reverse()) {
        const limits = { maxItems: row.batch, maxPaddedTokens: row.batch * MAX_TOKENS_PER_PASSAGE };
        const result = await pages.ours({ modelId: model.id, dtype, threads: row.threads, limits });
        row.perSec.push((result.passages * 1000) / result.ms);
        log(`  batch ${row.batch}, ${row.threads} thread(s): ${row.perSec.at(-1)!.toFixed(2)} passages/s`);
      }
    }
    return {
      model: model.id,
      testModel: model.testModel !== undefined,
      dtype,
      app: { embedded: indexing.embedded, indexMs: indexing.indexMs, threads: indexing.threads },
      embedOnly,
      baseline: { ms: baseline.ms, threads: baseline.threads, weights: baseline.weights },
      rows,
    };
  });
}
