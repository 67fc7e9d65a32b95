/**
 * Exact top-k over int8 rows with the scan in WebAssembly SIMD (see `wasm-module.ts`): the kernel computes
 * integer dot products of the quantised query with the stored codes in place, and every row those
 * approximations cannot rule out is re-scored exactly from its codes (`certified-top-k.ts`).
 */
import { certifiedTopK, type CertifiedResult } from './certified-top-k';
import type { DotsKernel, Int8Rows } from './int8-rows';
import { checkQuery } from './shape';
import { int8DotsModuleBytes, WASM_DOTS_EXPORT, WASM_MEMORY_IMPORT } from './wasm-module';

/** Compiled module; `null` once compiling failed (no WebAssembly or no SIMD), `undefined` before trying. */
let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel module, or `undefined` when this engine lacks WebAssembly SIMD. Compiles once. */
function simdModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    try {
      const bytes = int8DotsModuleBytes();
      compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

/**
 * Whether WebAssembly SIMD is available here (Node 20+, current browsers and their workers).
 *
 * @example
 * if (!wasmSimdSupported()) console.info('vector search scans in JavaScript');
 */
export function wasmSimdSupported(): boolean {
  return simdModule() !== undefined;
}

/**
 * The SIMD kernel instantiated over `memory` (query codes at byte 0), or `undefined` without SIMD.
 *
 * @example
 * const kernel = dotsKernel(new WebAssembly.Memory({ initial: 1 }));
 */
export function dotsKernel(memory: WebAssembly.Memory): DotsKernel | undefined {
  const module = simdModule();
  if (module === undefined) return undefined;
  const instance = new WebAssembly.Instance(module, {
    [WASM_MEMORY_IMPORT.module]: { [WASM_MEMORY_IMPORT.name]: memory },
  });
  const kernel = instance.exports[WASM_DOTS_EXPORT] as (...args: number[]) => void;
  return (rowsPtr, count, stride, outPtr) => kernel(0, rowsPtr, count, stride, outPtr);
}

/** Default candidate multiplier: the int8 scan keeps `k * oversample` rows for exact re-scoring. */
export const DEFAULT_OVERSAMPLE = 4;

/**
 * Exact top-k of `rows` by {@link Int8Rows.score}, with the scan in WASM; `undefined` when the rows have no
 * SIMD kernel.
 *
 * 1. Quantise the query (q = s_q c_q + e_q, |e_q|ᵢ ≤ s_q/2) and approximate every row as
 *    `s_r · s_q · (c_r · c_q)`; keep the best `k * oversample`.
 * 2. Re-score those exactly (`s_r · (c_r · q)`, the row as stored) and keep the best k.
 * 3. Certify: the exact score minus the approximation is `s_r c_r · e_q`, at most `(s_q/2) · s_r‖c_r‖₁`.
 *    Every other row whose approximation plus that bound reaches the k-th exact score is re-scored, so the
 *    result equals the exact scan of the stored rows (same scores, ties to the lower row).
 *
 * @example
 * certifiedSearch(rows, query, 10)?.hits; // same as rows.scan(query, 10)
 */
export function certifiedSearch(
  rows: Int8Rows,
  query: Float32Array,
  k: number,
  oversample = DEFAULT_OVERSAMPLE,
): CertifiedResult | undefined {
  checkQuery(query, rows.dims);
  if (!(oversample >= 1)) throw new RangeError(`vector: oversample must be at least 1, got ${oversample}`);
  const { codes, scale } = quantizeQuery(query);
  const dots = rows.dots(codes);
  if (!dots) return undefined;
  return certifiedTopK({
    dots,
    ...rows.rowStats(),
    queryScale: scale,
    score: (row) => rows.score(query, row),
    k,
    oversample,
  });
}

/** Symmetric int8 codes of the query (scale max|q| / 127), with the scale. */
function quantizeQuery(query: Float32Array): { codes: Int8Array; scale: number } {
  let max = 0;
  for (let i = 0; i < query.length; i++) max = Math.max(max, Math.abs(query[i]!));
  const codes = new Int8Array(query.length);
  const scale = max / 127;
  if (scale > 0) {
    for (let i = 0; i < query.length; i++)
      codes[i] = Math.max(-127, Math.min(127, Math.round(query[i]! / scale)));
  }
  return { codes, scale };
}
