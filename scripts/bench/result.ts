/**
 * The benchmark's result: the one JSON object `npm run bench -- --json` prints.
 */
import type { AccuracyResult } from '../../src/bench/protocol';

/** Indexing the corpus: the app's path against the usual transformers.js loop. */
export interface IndexResult {
  /** Passages in the corpus. */
  passages: number;
  /** Their tokens (with [CLS]/[SEP]), as the app counts them. */
  tokens: number;
  /** Passages per second of the app's indexing (fresh context, index start → index ready). */
  oursPerSec: number;
  /** Passages per second of one `pipeline()` call per passage on one WASM thread. */
  baselinePerSec: number;
  /** oursPerSec / baselinePerSec. */
  speedup: number;
  /** Useful GFLOP/s of the app's embedding stage (unpadded token counts over the index time). */
  gflops: number;
  /** GFLOP/s counting the padding the app's length-sorted batches compute too. */
  paddedGflops: number;
  /** Useful GFLOP/s of the baseline. */
  baselineGflops: number;
  /** Best plain onnxruntime-web MatMul GFLOP/s in the same browser with the app's thread count. */
  peakGflops: number;
  /** The MatMul shape (m×k×n) that reached the peak. */
  peakShape: string;
  /** The same peak on one thread (the baseline's thread count). */
  peakGflopsOneThread: number;
  /** gflops / peakGflops. */
  fractionOfPeak: number;
  /** The app's index time (index start → ready), ms. */
  indexMs: number;
  /** The baseline's loop time, ms. */
  baselineMs: number;
  /** The app's model load time (with warm-up), ms. */
  modelLoadMs: number;
  /** WASM threads of the app's model. */
  threads: number;
  /** WASM threads of the baseline: onnxruntime-web's default, as it reported after loading. */
  baselineThreads: number;
  /** The weights file transformers.js picked at its default dtype for the baseline. */
  baselineWeights: string;
  /** The app's embedder and batches at the app's dtype on 1 thread (bench page), passages per second. */
  oursOneThreadPerSec: number;
  /** oursOneThreadPerSec / baselinePerSec: what batching alone gives. */
  oursOneThreadSpeedup: number;
  /** The app's indexing at fp32 (`?dtype=fp32`, a fresh context), passages per second; 0 when the app's dtype is fp32. */
  fp32PerSec: number;
  /** Peak resident memory of the browser's renderer processes (page and workers: JS heaps, WASM memory, the
   * model) from model load to index ready, bytes. */
  peakRendererBytes: number;
}

/** Minimum, median and maximum of one figure over repeated runs. */
export interface Spread {
  /** Fastest run, ms. */
  minMs: number;
  /** Median, ms. */
  medianMs: number;
  /** Slowest run, ms. */
  maxMs: number;
  /** maxMs / minMs. */
  ratio: number;
}

/** Reloads of one tab with the model and index cached. */
export interface ColdStartResult {
  /** Number of reloads. */
  runs: number;
  /** Navigation start → first result on screen (may be the keyword fallback). */
  firstResult: Spread;
  /** Navigation start → first result of the requested mode (model loaded, index ready). */
  fullResult: Spread;
}

/** The tested dtype's vectors against the reference dtype's, same model, same passages. */
export interface AccuracySection extends AccuracyResult {
  /** Dtype under test. */
  dtype: string;
  /** Reference dtype. */
  reference: string;
}

/** Warm query latency in the app. */
export interface QueryResult {
  /** Median keystroke → results rendered, including the input debounce, ms. */
  p50Ms: number;
  /** 95th percentile of the same, ms. */
  p95Ms: number;
  /** The app's input debounce (src/hooks/use-search.ts), included in p50Ms/p95Ms. */
  debounceMs: number;
  /** p50Ms − debounceMs. */
  p50MsWithoutDebounce: number;
  /** p95Ms − debounceMs. */
  p95MsWithoutDebounce: number;
  /** Median of the engine's own time per query (`data-total-ms`: embed, scan, keyword, fusion). */
  engineP50Ms: number;
  /** Median keystroke → render of a repeated query, whose embedding the engine has cached, ms. */
  cachedP50Ms: number;
  /** Number of timed queries (each new to the engine). */
  samples: number;
  /** Ranking mode used. */
  mode: string;
}

/** Top-10 search over random unit vectors, one size. */
export interface SearchResult {
  /** Number of vectors. */
  vectors: number;
  /** Components per vector. */
  dims: number;
  /** The app's `VectorMatrix.search` (WASM SIMD int8 scan + exact re-scoring from the codes), top 10, median ms. */
  oursMs: number;
  /** The fallback without WASM SIMD: the exact JavaScript scan of the int8 codes, median ms. */
  int8Ms: number;
  /** `number[]` vectors, cosine per vector, full sort, median ms. */
  naiveMs: number;
  /** `@orama/orama` vector search (similarity 0), median ms. */
  oramaMs: number;
  /** naiveMs / oursMs. */
  speedupVsNaive: number;
  /** oramaMs / oursMs. */
  speedupVsOrama: number;
  /** Loading the vectors from IndexedDB with `readVectors` (packed records, as at every start), median ms. */
  idbLoadMs: number;
  /** The first `readVectors` after indexing, which also folds the batch records into packs, ms. */
  idbPackMs: number;
  /** The first `readVectors` after adding a document of 20 passages to the packed rows (folds it in), ms. */
  idbAddMs: number;
  /** Stored bytes per vector: int8 codes, scale, passage id. */
  idbBytesPerVector: number;
  /** Whether all four methods returned the same top 10 for the first query. */
  sameTop10: boolean;
}

/** The browser and how the app ran in it. */
export interface MachineResult {
  /** `navigator.userAgent`. */
  userAgent: string;
  /** `navigator.hardwareConcurrency`. */
  hardwareConcurrency: number;
  /** Whether the app's pages are cross-origin isolated. */
  crossOriginIsolated: boolean;
  /** The app's device. */
  device: string;
  /** The app's dtype. */
  dtype: string;
  /** Node's 1-minute load average when the bench started and ended: other work on the machine skews timings. */
  loadAverage: { start: number; end: number };
}

/** Everything one bench run measured. */
export interface BenchResult {
  /** Registry id of the model. */
  model: string;
  /** Whether the model is a generated test model (its figures say nothing about a real model's quality). */
  testModel: boolean;
  /** Indexing. */
  index: IndexResult;
  /** Warm queries. */
  query: QueryResult;
  /** Main-thread tasks over 50 ms while indexing. */
  longTasksDuringIndexing: number;
  /** The longest of them, ms (0 when none). */
  longestTaskMs: number;
  /** Navigation start → first result on screen, with model and index cached (median), ms. */
  coldStartMs: number;
  /** Navigation start → first result of the requested mode (not a keyword fallback), median, ms. */
  coldStartFullMs: number;
  /** Both cold-start figures over every reload: min, median, max. */
  coldStart: ColdStartResult;
  /** q8 against fp32 on the same model (absent when the model has no q8 file). */
  accuracy?: AccuracySection;
  /** Vector search per size. */
  search: SearchResult[];
  /** The machine. */
  machine: MachineResult;
  /** Requests that tried to leave 127.0.0.1 (all blocked). */
  blockedRequests: number;
  /** Wall time of the whole bench, s. */
  wallSeconds: number;
}
