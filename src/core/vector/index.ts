/**
 * Vector math for dense retrieval: normalise, dot, bounded top-k scans over packed matrices, int8 rows
 * as storage keeps them, searched exactly (a WebAssembly SIMD scan assembled in TypeScript with certified
 * re-scoring, or a JavaScript scan), and packing for storage. Pure TypeScript.
 */
export { dot, dotInt8 } from './dot';
export { l2normalize } from './normalize';
export { TopK, ranksBefore, type ScoredIndex } from './top-k';
export { scanTopK } from './scan';
export { checkDims, checkQuery, rowCount } from './shape';
export { VectorMatrix, type ScoredRow, type SearchPath, type VectorMatrixOptions } from './matrix';
export {
  codeL1Sums,
  quantizeInt8,
  dequantizeRowInto,
  dequantizeInt8,
  type QuantizedMatrix,
} from './quantize';
export { Int8Rows } from './int8-rows';
export { packVectors, unpackVectors, vectorsToBytes, vectorsFromBytes } from './pack';
export {
  certifiedSearch,
  DEFAULT_OVERSAMPLE,
  queryCodeLimit,
  supportedKernels,
  wasmSimdSupported,
} from './wasm-scan';
export { dotsModuleBytes, type KernelKind } from './wasm-module';
