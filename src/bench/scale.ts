/**
 * The scale benchmark's bench-page side: stores a generated corpus and clustered vectors through the app's
 * storage code (`src/storage`), starts up over it as the worker does (`workers/library.ts`), and searches
 * large in-memory matrices with the app's `VectorMatrix`.
 */
import {
  certifiedSearch,
  DEFAULT_OVERSAMPLE,
  dot,
  Int8Rows,
  quantizeInt8,
  TopK,
  VectorMatrix,
} from '../core/vector';
import { Library } from '../../workers/library';
import type { KeywordSnapshot } from '../core/search/keyword-snapshot';
import { vectorRecordBytes } from './idb';
import {
  getKeywordSnapshot,
  listDocuments,
  openSearchDb,
  putDocument,
  putKeywordSnapshot,
  putVectorBatch,
  readPassages,
  readVectors,
  type SearchDb,
} from '../storage';
import {
  clusteredUnitVectorBlocks,
  clusteredUnitVectors,
  PASSAGES_PER_DOC,
  recallOf,
  scaleCorpus,
  scaleKeywordQueries,
} from './scale-corpus';
import type {
  ScaleBenchApi,
  ScaleIngestRequest,
  ScaleIngestResult,
  ScaleKernelResult,
  ScaleMatrixRequest,
  ScaleMatrixResult,
  ScaleStartRequest,
  ScaleStartResult,
} from './scale-protocol';
import { DATA_SEED, QUERY_SEED } from './random';
import { median, medianMs } from './stats';
import { deleteDatabase } from './idb';

/** The scale benchmark's own database. */
const SCALE_DB = 'semantic-search-scale';
const MODEL_ID = 'scale-model';
/** The name the app's worker saves its keyword index under. */
const KEYWORD_INDEX = 'passages';
/** Centres of the clustered vectors. */
const CLUSTERS = 1000;
const WARMUP = 2;
const K = 10;

function jsHeapBytes(): number {
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

/** Passages between two progress lines of a long ingest. */
const PROGRESS_EVERY = 20_000;

/** A progress line the scale bench prints while a call runs (`scripts/bench/bench-page.ts`), with the JS heap. */
function progress(what: string): void {
  console.log(`progress: ${what} (JS heap ${(jsHeapBytes() / 2 ** 20).toFixed(0)} MiB)`);
}

function queryVectors(count: number, dims: number): Float32Array[] {
  const packed = clusteredUnitVectors(count, dims, CLUSTERS, QUERY_SEED);
  return Array.from({ length: count }, (_, i) => packed.slice(i * dims, (i + 1) * dims));
}

/** Saves the keyword index in parts as the worker does; returns why it could not be saved, if so. */
async function saveKeywordIndex(db: SearchDb, library: Library): Promise<string | undefined> {
  try {
    await putKeywordSnapshot(db, KEYWORD_INDEX, library.keywordSnapshot());
    return undefined;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

async function ingest({ passages: count, dims }: ScaleIngestRequest): Promise<ScaleIngestResult> {
  await deleteDatabase(SCALE_DB);
  const db = await openSearchDb({ name: SCALE_DB });
  try {
    const { documents, passages } = scaleCorpus(count, DATA_SEED);
    const library = new Library();
    const started = performance.now();
    for (const [i, doc] of documents.entries()) {
      const own = passages.slice(i * PASSAGES_PER_DOC, (i + 1) * PASSAGES_PER_DOC);
      await putDocument(db, doc, own);
      library.add(doc, own);
      const stored = (i + 1) * PASSAGES_PER_DOC;
      if (stored % PROGRESS_EVERY === 0) progress(`${stored} passages stored and indexed`);
    }
    progress('saving the keyword index');
    const saveStarted = performance.now();
    const keywordIndexError = await saveKeywordIndex(db, library);
    const keywordSaveMs = performance.now() - saveStarted;
    const passagesPerSecond = count / ((performance.now() - started) / 1000);
    progress('keyword index saved; storing vectors');
    const vectors = clusteredUnitVectors(count, dims, CLUSTERS, DATA_SEED);
    const vectorsStarted = performance.now();
    for (let first = 0; first < count; first += 16) {
      const rows = passages.slice(first, Math.min(count, first + 16));
      await putVectorBatch(db, {
        modelId: MODEL_ID,
        docId: rows[0]!.docId,
        firstIndex: rows[0]!.index,
        passageIds: rows.map((passage) => passage.id),
        dims,
        data: vectors.subarray(first * dims, (first + rows.length) * dims),
      });
    }
    await readVectors(db, MODEL_ID);
    const vectorsPerSecond = count / ((performance.now() - vectorsStarted) / 1000);
    let vectorBytes = 0;
    for await (const cursor of db.transaction('vectors').store.iterate()) {
      vectorBytes += vectorRecordBytes(cursor.value);
    }
    const { usage } = await navigator.storage.estimate();
    return {
      passagesPerSecond,
      vectorsPerSecond,
      idbBytes: usage ?? 0,
      vectorBytesPerVector: vectorBytes / count,
      keywordIndexError,
      keywordSaveMs,
    };
  } finally {
    db.close();
  }
}

/** Bytes of a keyword snapshot's postings, term dictionary and per-passage arrays (what the index holds packed). */
function snapshotBytes({ head, parts }: KeywordSnapshot): number {
  const perPassage = head.lengths.byteLength + head.docOfSlot.byteLength;
  return parts.reduce(
    (sum, part) =>
      sum +
      part.terms.length * 2 +
      part.termEnds.byteLength +
      part.counts.byteLength +
      part.slots.byteLength +
      part.frequencies.byteLength,
    perPassage,
  );
}

async function start({ passages, runs }: ScaleStartRequest): Promise<ScaleStartResult> {
  const queries = scaleKeywordQueries(WARMUP + runs, DATA_SEED);
  const started = performance.now();
  const db = await openSearchDb({ name: SCALE_DB });
  try {
    const library = new Library();
    const timed = async <T>(read: Promise<T>): Promise<[T, number]> => [
      await read,
      performance.now() - started,
    ];
    const [[documents, documentsMs], [stored, passagesMs], [saved, keywordReadMs]] = await Promise.all([
      timed(listDocuments(db)),
      timed(readPassages(db)),
      timed(getKeywordSnapshot(db, KEYWORD_INDEX)),
    ]);
    const readMs = performance.now() - started;
    console.log(
      `progress: read documents by ${documentsMs.toFixed(0)} ms, passages by ${passagesMs.toFixed(0)} ms, keyword index by ${keywordReadMs.toFixed(0)} ms`,
    );
    if (stored.length !== passages)
      throw new Error(`scale: ${stored.length} passages stored, expected ${passages}`);
    const keywordIndexRebuilt = library.load(documents, stored, saved) === 'rebuilt';
    const libraryLoadMs = performance.now() - started - readMs;
    if (library.searchKeyword(queries[0]!, K).length === 0)
      throw new Error(`scale: no hit for ${queries[0]}`);
    const firstKeywordMs = performance.now() - started;
    const keywordP50Ms = await medianMs(WARMUP, runs, (run) => library.searchKeyword(queries[run]!, K));
    const loadStarted = performance.now();
    const { passageIds, rows } = await readVectors(db, MODEL_ID);
    const vectorLoadMs = performance.now() - loadStarted;
    if (!rows) throw new Error('scale: no vectors stored');
    const { dims } = rows;
    const matrix = VectorMatrix.fromRows(passageIds, rows, dims);
    const dense = queryVectors(WARMUP + runs, dims);
    const denseP50Ms = await medianMs(WARMUP, runs, (run) => matrix.search(dense[run]!, K));
    return {
      firstKeywordMs,
      readMs,
      libraryLoadMs,
      keywordIndexBytes: saved ? snapshotBytes(saved) : 0,
      keywordIndexRebuilt,
      keywordP50Ms,
      vectorLoadMs,
      denseP50Ms,
      densePath: matrix.lastSearchPath ?? 'none',
      jsHeapBytes: jsHeapBytes(),
      vectorBytes: matrix.byteLength,
    };
  } finally {
    db.close();
  }
}

/** Rows generated (and quantised) at a time, so the floats of a large matrix never exist at once. */
const BLOCK_ROWS = 10_000;

/** Bytes per ms that `Uint8Array.prototype.set` copies (read + write) over 64 MiB: the memory bandwidth. */
async function copyBytesPerMs(runs: number): Promise<number> {
  const from = new Uint8Array(64 * 2 ** 20).fill(1);
  const to = new Uint8Array(from.length);
  const ms = await medianMs(1, runs, () => to.set(from));
  return (2 * from.length) / ms;
}

/** Milliseconds `task` takes. */
function timed(task: () => unknown): number {
  const started = performance.now();
  task();
  return performance.now() - started;
}

/**
 * Every kernel's query and kernel-alone times over the same rows, interleaved query by query (so a change in
 * the machine's load falls on all of them alike), and whether each kernel's top 10 equals the first's.
 */
function compareKernels(
  rows: Int8Rows,
  matrix: VectorMatrix,
  queries: Float32Array[],
): { kernels: ScaleKernelResult[]; agree: boolean } {
  const kinds = rows.kernelKinds;
  const search = kinds.map(() => [] as number[]);
  const alone = kinds.map(() => [] as number[]);
  const rescored = kinds.map(() => 0);
  let agree = true;
  const codes = Int8Array.from({ length: rows.dims }, (_, i) => (i % 2 === 0 ? 63 : -63));
  queries.forEach((query, run) => {
    let first: number[] | undefined;
    kinds.forEach((kind, k) => {
      let hits: number[] = [];
      const ms = timed(() => (hits = matrix.search(query, K, kind).map((hit) => hit.index)));
      const kernelMs = timed(() => rows.dots(codes, kind));
      if (run < WARMUP) return;
      search[k]!.push(ms);
      alone[k]!.push(kernelMs);
      rescored[k]! += certifiedSearch(rows, query, K, DEFAULT_OVERSAMPLE, kind)!.rescored;
      first ??= hits;
      agree &&= hits.join() === first.join();
    });
  });
  const timedRuns = queries.length - WARMUP;
  const kernels = kinds.map((kernel, k) => ({
    kernel,
    searchP50Ms: median(search[k]!),
    kernelP50Ms: median(alone[k]!),
    rescored: rescored[k]! / timedRuns,
  }));
  return { kernels, agree };
}

async function matrix({ rows, dims, runs }: ScaleMatrixRequest): Promise<ScaleMatrixResult> {
  const copyBps = await copyBytesPerMs(runs);
  const queries = queryVectors(WARMUP + runs, dims);
  // The exact top 10 over the original floats, found while they stream past (they are never all kept).
  const floatTops = queries.map(() => new TopK(K));
  // Rows filled as the app's storage fills them (`readVectors`), then adopted by the matrix.
  const stored = new Int8Rows(dims, rows);
  clusteredUnitVectorBlocks(
    rows,
    dims,
    CLUSTERS,
    DATA_SEED,
    (block, first) => {
      const count = block.length / dims;
      stored.append(quantizeInt8(block, dims));
      queries.forEach((query, q) => {
        for (let row = 0; row < count; row++)
          floatTops[q]!.offer(first + row, dot(block, row * dims, query, 0, dims));
      });
    },
    { blockRows: BLOCK_ROWS },
  );
  const ids = Array.from({ length: rows }, (_, row) => String(row));
  const vectorMatrix = VectorMatrix.fromRows(ids, stored, dims);
  const { kernels, agree } = compareKernels(stored, vectorMatrix, queries);
  const searchP50Ms = await medianMs(WARMUP, runs, (run) => vectorMatrix.search(queries[run]!, K));
  const path = vectorMatrix.lastSearchPath ?? 'none';
  const scanP50Ms = await medianMs(0, Math.min(runs, 3), (run) => vectorMatrix.scan(queries[run]!, K));
  const indices = (hits: { index: number }[]) => hits.map((hit) => hit.index);
  const found = queries.map((query) => indices(vectorMatrix.search(query, K)));
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    searchP50Ms,
    kernels,
    kernelsAgree: agree,
    scanP50Ms,
    path,
    recallAt10: mean(queries.map((query, q) => recallOf(indices(vectorMatrix.scan(query, K)), found[q]!))),
    recallAt10Float: mean(floatTops.map((top, q) => recallOf(indices(top.results()), found[q]!))),
    vectorBytes: vectorMatrix.byteLength,
    jsHeapBytes: jsHeapBytes(),
    bytesPerQuery: rows * stored.stride,
    copyBytesPerMs: copyBps,
  };
}

/** The scale functions for `window.scaleBench`. */
export const scaleBench: ScaleBenchApi = { ingest, start, matrix };
