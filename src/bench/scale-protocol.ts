/**
 * Requests and results of the scale benchmark's bench-page functions (`window.scaleBench`). Pure types.
 */

/** Generates `passages` passages and 512-d vectors and stores them through `src/storage`. */
export interface ScaleIngestRequest {
  /** Passages (and vectors) to store. */
  passages: number;
  /** Components per vector. */
  dims: number;
}

/** What storing cost. */
export interface ScaleIngestResult {
  /** Passages per second through `putDocument` and the keyword index, no embedding. */
  passagesPerSecond: number;
  /** Vectors per second through `putVectorBatch` (the indexer's writes). */
  vectorsPerSecond: number;
  /** `navigator.storage.estimate().usage` after storing, bytes. */
  idbBytes: number;
  /** Stored codes + scales + passage ids per vector, bytes. */
  vectorBytesPerVector: number;
  /** Why the keyword index could not be saved (the next start rebuilds it), if it could not. */
  keywordIndexError?: string;
  /** Saving the keyword index in parts (`putKeywordSnapshot`), ms; part of the ingest time. */
  keywordSaveMs: number;
}

/** A fresh page opens the stored database as the app's worker does, then searches it. */
export interface ScaleStartRequest {
  /** Passages stored by {@link ScaleIngestRequest}. */
  passages: number;
  /** Timed queries of each kind (after two warm-up queries). */
  runs: number;
}

/** Start-up, query and memory figures of one size. */
export interface ScaleStartResult {
  /** From opening the database to the first keyword result, ms. */
  firstKeywordMs: number;
  /** Of which reading documents, passages and the keyword index from IndexedDB, ms. */
  readMs: number;
  /** Of which `Library.load` (passages into memory, the keyword index from its parts), ms. */
  libraryLoadMs: number;
  /** The saved keyword index's packed postings, dictionary and per-passage arrays, bytes (0 if none). */
  keywordIndexBytes: number;
  /** Whether start-up had to rebuild the keyword index (none saved, or it did not match). */
  keywordIndexRebuilt: boolean;
  /** Median keyword query, ms. */
  keywordP50Ms: number;
  /** Loading the vectors (`readVectors`), ms. */
  vectorLoadMs: number;
  /** Median dense query through `VectorMatrix.search`, ms. */
  denseP50Ms: number;
  /** The path that answered, e.g. `int8-wasm`. */
  densePath: string;
  /** `performance.memory.usedJSHeapSize` after everything is loaded, bytes. */
  jsHeapBytes: number;
  /** The matrix's rows (int8 codes padded to 16 bytes in WebAssembly memory, scales, L1 sums), bytes. */
  vectorBytes: number;
}

/** `rows` clustered vectors in memory (no IndexedDB): the app's search against the exact scan. */
export interface ScaleMatrixRequest {
  /** Rows, e.g. 1,000,000. */
  rows: number;
  /** Components per row. */
  dims: number;
  /** Timed queries. */
  runs: number;
}

/** One SIMD kernel's figures over the whole matrix (the same rows and queries for every kernel). */
export interface ScaleKernelResult {
  /** The kernel, e.g. `relaxed-simd` (the app's, where the engine has it) or `simd` (the baseline). */
  kernel: string;
  /** Median query through `VectorMatrix.search` with this kernel, ms. */
  searchP50Ms: number;
  /** Median of the kernel alone (`Int8Rows.dots`, no re-scoring) over every row, ms. */
  kernelP50Ms: number;
  /** Mean rows re-scored exactly per query (candidates plus those the bound could not rule out). */
  rescored: number;
}

/** Query time, memory and recall of {@link ScaleMatrixRequest}. */
export interface ScaleMatrixResult {
  /** Median query through `VectorMatrix.search` (the app's default kernel), ms. */
  searchP50Ms: number;
  /** Every kernel the engine has, the app's default first; their runs are interleaved query by query. */
  kernels: ScaleKernelResult[];
  /** Median exact JavaScript scan of the stored int8 rows (`VectorMatrix.scan`), ms. */
  scanP50Ms: number;
  /** The path that answered. */
  path: string;
  /** Mean recall@10 of `search` against the exact scan of the stored rows (`VectorMatrix.scan`). */
  recallAt10: number;
  /** Mean recall@10 of `search` against the exact float32 scan of the original, unquantised vectors. */
  recallAt10Float: number;
  /** Whether every kernel's top 10 equalled the default kernel's for every query. */
  kernelsAgree: boolean;
  /** The matrix's rows (int8 codes padded to 32 bytes, scales, two sums), computed from its layout, bytes. */
  vectorBytes: number;
  /** `performance.memory.usedJSHeapSize`, bytes. */
  jsHeapBytes: number;
  /** Bytes of codes the SIMD kernel reads per query. */
  bytesPerQuery: number;
  /** Memory bandwidth: bytes per ms a 64 MiB `Uint8Array.set` copy moves (read + write). */
  copyBytesPerMs: number;
}

/** The functions the bench page puts on `window.scaleBench`; one per page. */
export interface ScaleBenchApi {
  /** Store a generated corpus (deletes the previous scale database first). */
  ingest(request: ScaleIngestRequest): Promise<ScaleIngestResult>;
  /** Start up over the stored corpus and query it. */
  start(request: ScaleStartRequest): Promise<ScaleStartResult>;
  /** In-memory vector search at large sizes. */
  matrix(request: ScaleMatrixRequest): Promise<ScaleMatrixResult>;
}

declare global {
  interface Window {
    /** Set by `src/bench/main.ts`. */
    scaleBench?: ScaleBenchApi;
  }
}
