/**
 * Vector math for dense retrieval: normalise, dot, bounded top-k scans over packed matrices,
 * int8 quantisation with exact re-scoring (a WebAssembly SIMD scan assembled in TypeScript, with a
 * JavaScript fallback), and packing for storage. Pure TypeScript.
 */
export { dot, dotInt8 } from './dot';
export { l2normalize } from './normalize';
export { TopK, ranksBefore, type ScoredIndex } from './top-k';
export { scanTopK } from './scan';
export { checkDims, checkQuery, rowCount } from './shape';
export { VectorMatrix, type ScoredRow, type SearchPath } from './matrix';
export { quantizeInt8, dequantizeRowInto, type QuantizedMatrix } from './quantize';
export { searchInt8, DEFAULT_OVERSAMPLE, type Int8SearchOptions, type Int8SearchResult } from './int8-search';
export { packVectors, unpackVectors, vectorsToBytes, vectorsFromBytes } from './pack';
export { WasmInt8Index, wasmSimdSupported } from './wasm-scan';
export { int8Searcher, type Int8Path, type Int8Searcher } from './int8-searcher';
export { int8DotsModuleBytes } from './wasm-module';
