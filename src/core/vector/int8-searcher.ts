import { searchInt8, type Int8SearchResult } from './int8-search';
import { quantizeInt8 } from './quantize';
import { WasmInt8Index } from './wasm-scan';

/** Which int8 scan an {@link Int8Searcher} uses: WebAssembly SIMD, or the JavaScript fallback. */
export type Int8Path = 'int8-wasm' | 'int8-js';

/** Exact top-k over fixed rows via their int8 copy; `exact` is the float matrix the copy was made from. */
export interface Int8Searcher {
  /** The scan this searcher runs. */
  path: Int8Path;
  /** Searches; same result as an exact scan of `exact`. */
  search(exact: Float32Array, query: Float32Array, k: number): Int8SearchResult;
}

/**
 * Quantises the rows once and returns the fastest int8 search available: the WebAssembly SIMD scan
 * ({@link WasmInt8Index}), or the JavaScript {@link searchInt8} where WebAssembly SIMD is missing.
 *
 * @example
 * const search = int8Searcher(vectors, 512);
 * search.search(vectors, query, 10).hits; // same as scanTopK(vectors, 512, query, 10)
 */
export function int8Searcher(vectors: Float32Array, dims: number): Int8Searcher {
  const quantized = quantizeInt8(vectors, dims);
  const wasm = WasmInt8Index.build(quantized);
  if (wasm) return { path: 'int8-wasm', search: (exact, query, k) => wasm.search(exact, query, k) };
  return { path: 'int8-js', search: (exact, query, k) => searchInt8(quantized, exact, query, k) };
}
