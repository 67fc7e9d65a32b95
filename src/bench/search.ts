/**
 * Times one top-k method over seeded random unit vectors as the app stores them (int8 codes and row
 * scales): the app's query path (`VectorMatrix.search`: the WASM SIMD int8 scan with exact re-scoring), its
 * fallback without WASM SIMD (the exact JavaScript scan of the codes), the naive way, or Orama (both over
 * the stored rows as floats, so all four rank the same rows). Index building is untimed; each query is timed.
 */
import { dequantizeInt8, quantizeInt8, VectorMatrix } from '../core/vector';
import { naiveTopK, toRows } from './naive';
import { oramaIndex, oramaTopK } from './orama';
import type { SearchBenchRequest, SearchBenchResult, SearchMethod } from './protocol';
import { randomUnitVectors } from '../core/random';
import { DATA_SEED, randomQueries } from './random';
import { medianMs } from './stats';

/** One id per row. */
function rowIds(vectors: Float32Array, dims: number): string[] {
  return Array.from({ length: vectors.length / dims }, (_, row) => String(row));
}

/** A prepared method: answers one query with row indices, best first. */
type Searcher = (query: Float32Array) => number[] | Promise<number[]>;

const PREPARE: Record<SearchMethod, (vectors: Float32Array, dims: number, k: number) => Promise<Searcher>> = {
  scan: async (vectors, dims, k) => {
    const matrix = VectorMatrix.fromPacked(rowIds(vectors, dims), vectors, dims);
    return (query) => matrix.search(query, k).map((hit) => hit.index);
  },
  int8: async (vectors, dims, k) => {
    const matrix = VectorMatrix.fromPacked(rowIds(vectors, dims), vectors, dims, { simd: false });
    return (query) => matrix.search(query, k).map((hit) => hit.index);
  },
  naive: async (vectors, dims, k) => {
    const rows = toRows(vectors, dims);
    return (query) => naiveTopK(rows, Array.from(query), k);
  },
  orama: async (vectors, dims, k) => {
    const db = await oramaIndex(vectors, dims);
    return (query) => oramaTopK(db, query, k);
  },
};

/**
 * Builds the method's index over `request.vectors` random vectors, then returns the median query time.
 *
 * @example
 * await runSearchBench({ method: 'scan', vectors: 100_000, dims: 512, k: 10, warmup: 2, runs: 9 });
 */
export async function runSearchBench(request: SearchBenchRequest): Promise<SearchBenchResult> {
  const { method, vectors: count, dims, k, warmup, runs } = request;
  const queries = randomQueries(warmup + runs, dims);
  const stored = dequantizeInt8(quantizeInt8(randomUnitVectors(count, dims, DATA_SEED), dims));
  const searcher = await PREPARE[method](stored, dims, k);
  const top = await searcher(queries[0]!);
  const ms = await medianMs(warmup, runs, (run) => searcher(queries[run]!));
  return { ms, top };
}
