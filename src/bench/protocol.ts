/**
 * What the bench page (`bench.html`) offers the benchmark driver (`scripts/bench/`): requests, results and
 * the `window.bench` object the driver calls through Playwright. Pure types.
 */
import type { BatchLimits } from '../core/batching';
import type { Dtype } from '../embed/registry';

/** Embeds the app's stored passages one `pipeline()` call at a time (the usual transformers.js way). */
export interface BaselineRequest {
  /** Registry id of the model, served from `/models/`. */
  modelId: string;
}

/** Timing of the baseline over the passages the app stored. */
export interface BaselineResult {
  /** Passages embedded. */
  passages: number;
  /** Token count of each passage (with [CLS]/[SEP]), from the app's passage store. */
  tokenCounts: number[];
  /** Wall time of the loop over all passages, after one warm-up call. */
  ms: number;
  /** The weights file transformers.js chose at its default dtype, e.g. `onnx/model_quantized.onnx`. */
  weights: string;
  /** onnxruntime-web's WASM thread count after loading (its own default; not set by the bench). */
  threads: number;
}

/** Embeds the app's stored passages with the app's embedder and batches, at a dtype and thread count. */
export interface OursRequest {
  /** Registry id of the model, served from `/models/`. */
  modelId: string;
  /** Weight precision (`q8`: `model_quantized.onnx`, `fp32`: `model.onnx`). */
  dtype: Dtype;
  /** WASM threads for onnxruntime. */
  threads: number;
  /** Batch limits (default: the app's). */
  limits?: BatchLimits;
}

/** Timing of {@link OursRequest}. */
export interface OursResult {
  /** Passages embedded. */
  passages: number;
  /** Wall time over all passages, after one warm-up call. */
  ms: number;
  /** WASM threads used. */
  threads: number;
  /** Weight precision used. */
  dtype: string;
}

/** Compares one dtype's vectors with another's on the stored passages and the given queries. */
export interface AccuracyRequest {
  /** Registry id of the model. */
  modelId: string;
  /** The dtype under test, e.g. `q8`. */
  dtype: Dtype;
  /** The reference dtype, e.g. `fp32`. */
  reference: Dtype;
  /** WASM threads. */
  threads: number;
  /** Queries (the model's instruction is added as the app does). */
  queries: string[];
}

/** How close the tested dtype's vectors are to the reference's. */
export interface AccuracyResult {
  /** Passages compared. */
  passages: number;
  /** Smallest cosine between a passage's two vectors. */
  minCosine: number;
  /** Mean of those cosines. */
  meanCosine: number;
  /** Queries compared. */
  queries: number;
  /** Mean share of each query's top 10 passages that both dtypes return (1 = identical sets). */
  meanTop10Overlap: number;
  /** Smallest such share over the queries. */
  minTop10Overlap: number;
}

/** One MatMul `[m, k] × [k, n]` whose `[k, n]` weight is a constant of the model. */
export interface MatMulShape {
  /** Rows of the input. */
  m: number;
  /** Inner dimension. */
  k: number;
  /** Columns of the weight. */
  n: number;
  /** The ONNX model, base64 (handed over in the call: a service worker may stand between page and server). */
  model: string;
}

/** Measures plain onnxruntime-web MatMul throughput. */
export interface PeakRequest {
  /** WASM threads, as the app uses. */
  threads: number;
  /** Shapes to try; the best one is the peak. */
  shapes: MatMulShape[];
  /** Timed runs per shape (after warm-up). */
  runs: number;
}

/** GFLOP/s of one shape. */
export interface ShapeThroughput {
  /** The shape as `m×k×n`. */
  shape: string;
  /** Median GFLOP/s (2·m·k·n FLOPs per run). */
  gflops: number;
}

/** Throughput of every shape tried. */
export interface PeakResult {
  /** Per shape. */
  shapes: ShapeThroughput[];
}

/** Top-k search methods compared on the same random vectors. */
export type SearchMethod = 'scan' | 'int8' | 'naive' | 'orama';

/** Times one method on `vectors` seeded random unit vectors. */
export interface SearchBenchRequest {
  /** The method. */
  method: SearchMethod;
  /** Number of vectors. */
  vectors: number;
  /** Components per vector. */
  dims: number;
  /** Results per query. */
  k: number;
  /** Untimed runs first. */
  warmup: number;
  /** Timed runs, each with its own query. */
  runs: number;
}

/** Median time of one method, and what it found for the first query. */
export interface SearchBenchResult {
  /** Median ms per query. */
  ms: number;
  /** Row indices of the first query's top k, best first (to check that methods agree). */
  top: number[];
}

/** Times loading vectors stored with the app's storage code back into memory. */
export interface IdbBenchRequest {
  /** Number of vectors. */
  vectors: number;
  /** Components per vector. */
  dims: number;
  /** Timed reads (after the first read, which packs the records and is timed on its own). */
  runs: number;
}

/** Load times of stored vectors. */
export interface IdbBenchResult {
  /** Median ms from reading the packed records to a searchable `VectorMatrix` (every start after the first). */
  ms: number;
  /** Median ms of reading the same records with IndexedDB alone (`getAll`, then any Blob's bytes): the bound. */
  rawMs: number;
  /** The first load, which also folds the indexer's batch records into packs, ms. */
  packMs: number;
  /** The next load after a document of 20 passages (two batch records) is added to the packed rows, ms. */
  addMs: number;
  /** Stored bytes (int8 codes, scales, passage ids) per vector. */
  bytesPerVector: number;
  /** Rows read back (must equal the vectors written). */
  rows: number;
}

/** What the browser says about itself. */
export interface MachineInfo {
  /** `navigator.userAgent`. */
  userAgent: string;
  /** `navigator.hardwareConcurrency`. */
  hardwareConcurrency: number;
  /** Whether the page is cross-origin isolated (WASM threads need it). */
  crossOriginIsolated: boolean;
}

/** The functions the bench page puts on `window.bench`. Call one per page: each loads its own runtime. */
export interface BenchApi {
  /** The baseline embedding loop. */
  baseline(request: BaselineRequest): Promise<BaselineResult>;
  /** The app's embedding path at a dtype and thread count. */
  ours(request: OursRequest): Promise<OursResult>;
  /** One dtype's vectors against another's. */
  accuracy(request: AccuracyRequest): Promise<AccuracyResult>;
  /** Plain MatMul throughput. */
  peak(request: PeakRequest): Promise<PeakResult>;
  /** One search method. */
  search(request: SearchBenchRequest): Promise<SearchBenchResult>;
  /** IndexedDB load time. */
  idbLoad(request: IdbBenchRequest): Promise<IdbBenchResult>;
  /** Browser facts. */
  machine(): MachineInfo;
}

declare global {
  interface Window {
    /** Set by `src/bench/main.ts` once the bench page is ready. */
    bench?: BenchApi;
  }
}
