/**
 * Turns raw measurements into the result's sections: rates, ratios and GFLOP/s from the same run.
 */
import type {
  IdbBenchResult,
  BaselineResult,
  OursResult,
  PeakResult,
  SearchBenchResult,
  SearchMethod,
  ShapeThroughput,
} from '../../src/bench/protocol';
import type { IndexingMeasurement } from './app';
import { corpusFlops, paddedCorpusFlops, type BertShape } from './flops';
import { median } from '../../src/bench/stats';
import type { IndexResult, SearchResult, Spread } from './result';

/** Inputs of {@link summarizeIndex}. */
export interface IndexInputs {
  /** What the app's status bar reported. */
  app: IndexingMeasurement;
  /** The baseline loop. */
  baseline: BaselineResult;
  /** The app's embedder and batches on 1 thread. */
  oursOneThread: OursResult;
  /** Peak renderer memory from model load to index ready, bytes. */
  peakRendererBytes: number;
  /** The app's indexing at fp32, when its dtype is another. */
  fp32?: IndexingMeasurement;
  /** Plain MatMul throughput with the app's thread count. */
  peak: PeakResult;
  /** The same on one thread. */
  peakOneThread: PeakResult;
  /** The model's encoder shape. */
  shape: BertShape;
}

const gflopsOf = (flops: number, ms: number): number => flops / (ms * 1e6);

const bestShape = (peak: PeakResult): ShapeThroughput =>
  peak.shapes.reduce((a, b) => (b.gflops > a.gflops ? b : a));

/**
 * The `index` section.
 *
 * @example
 * summarizeIndex({ app, baseline, oursOneThread, peakRendererBytes, peak, peakOneThread, shape }).speedup;
 */
export function summarizeIndex(inputs: IndexInputs): IndexResult {
  const { app, baseline, oursOneThread, peakRendererBytes, fp32, peak, peakOneThread, shape } = inputs;
  const useful = corpusFlops(shape, baseline.tokenCounts);
  const best = bestShape(peak);
  const oursPerSec = (app.embedded * 1000) / app.indexMs;
  const baselinePerSec = (baseline.passages * 1000) / baseline.ms;
  const oursOneThreadPerSec = (oursOneThread.passages * 1000) / oursOneThread.ms;
  const gflops = gflopsOf(useful, app.indexMs);
  return {
    passages: app.passages,
    tokens: baseline.tokenCounts.reduce((a, b) => a + b, 0),
    oursPerSec,
    baselinePerSec,
    speedup: oursPerSec / baselinePerSec,
    gflops,
    paddedGflops: gflopsOf(paddedCorpusFlops(shape, baseline.tokenCounts), app.indexMs),
    baselineGflops: gflopsOf(useful, baseline.ms),
    peakGflops: best.gflops,
    peakShape: best.shape,
    peakGflopsOneThread: bestShape(peakOneThread).gflops,
    fractionOfPeak: gflops / best.gflops,
    indexMs: app.indexMs,
    baselineMs: baseline.ms,
    modelLoadMs: app.modelLoadMs,
    threads: app.threads,
    baselineThreads: baseline.threads,
    baselineWeights: baseline.weights,
    oursOneThreadPerSec,
    oursOneThreadSpeedup: oursOneThreadPerSec / baselinePerSec,
    fp32PerSec: fp32 ? (fp32.embedded * 1000) / fp32.indexMs : 0,
    peakRendererBytes,
  };
}

/**
 * Min, median and max of repeated timings.
 *
 * @example
 * spreadOf([420, 380, 510]); // { minMs: 380, medianMs: 420, maxMs: 510, ratio: 1.34 }
 */
export function spreadOf(samples: readonly number[]): Spread {
  const minMs = Math.min(...samples);
  const maxMs = Math.max(...samples);
  return { minMs, medianMs: median(samples), maxMs, ratio: maxMs / minMs };
}

/**
 * One entry of the `search` section.
 *
 * @example
 * summarizeSearch(100_000, 512, { scan, int8, naive, orama }, idb);
 */
export function summarizeSearch(
  vectors: number,
  dims: number,
  methods: Record<SearchMethod, SearchBenchResult>,
  idb: IdbBenchResult,
): SearchResult {
  const { scan, int8, naive, orama } = methods;
  const reference = JSON.stringify(scan.top);
  return {
    vectors,
    dims,
    oursMs: scan.ms,
    int8Ms: int8.ms,
    naiveMs: naive.ms,
    oramaMs: orama.ms,
    speedupVsNaive: naive.ms / scan.ms,
    speedupVsOrama: orama.ms / scan.ms,
    idbLoadMs: idb.ms,
    idbPackMs: idb.packMs,
    idbAddMs: idb.addMs,
    idbBytesPerVector: idb.bytesPerVector,
    sameTop10: [int8, naive, orama].every((method) => JSON.stringify(method.top) === reference),
  };
}
