/**
 * Exact top-k over int8 rows with the scan in WebAssembly SIMD (see `wasm-module.ts`): the kernel computes
 * integer dot products of the quantised query with the stored codes in place, and every row those
 * approximations cannot rule out is re-scored exactly from its codes (`certified-top-k.ts`).
 */
import { certifiedTopK, type CertifiedResult } from './certified-top-k';
import type { DotsKernel, Int8Rows } from './int8-rows';
import { byteQueryKernelIsExact } from './kernel-check';
import { checkQuery } from './shape';
import {
  dotsModuleBytes,
  type KernelKind,
  RELAXED_QUERY_OFFSET,
  WASM_DOTS_EXPORT,
  WASM_MEMORY_IMPORT,
} from './wasm-module';

/** Compiled modules by kernel; `null` once compiling failed (no WebAssembly or no such SIMD), absent before trying. */
const compiled = new Map<KernelKind, WebAssembly.Module | null>();

/**
 * The compiled module of the `kind` kernel, or `undefined` when this engine lacks its feature or computes it
 * wrongly (the relaxed kernel must pass `byteQueryKernelIsExact` first). Compiles and checks once.
 */
function kernelModule(kind: KernelKind): WebAssembly.Module | undefined {
  if (!compiled.has(kind)) {
    try {
      const bytes = dotsModuleBytes(kind);
      const module = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
      compiled.set(kind, module && (kind === 'simd' || relaxedIsExact(module)) ? module : null);
    } catch {
      compiled.set(kind, null);
    }
  }
  return compiled.get(kind) ?? undefined;
}

/** Runs the known-answer check on the relaxed kernel in a memory of its own. */
function relaxedIsExact(module: WebAssembly.Module): boolean {
  const memory = new WebAssembly.Memory({ initial: 1 });
  return byteQueryKernelIsExact(bindKernel(module, memory), new Uint8Array(memory.buffer));
}

/** The module's kernel instantiated over `memory`, with the query at byte 0 (`DotsKernel` says the rest). */
function bindKernel(module: WebAssembly.Module, memory: WebAssembly.Memory): DotsKernel {
  const instance = new WebAssembly.Instance(module, {
    [WASM_MEMORY_IMPORT.module]: { [WASM_MEMORY_IMPORT.name]: memory },
  });
  const kernel = instance.exports[WASM_DOTS_EXPORT] as (...args: number[]) => void;
  return (rowsPtr, count, stride, outPtr, sumsPtr = 0, bias = 0) =>
    kernel(0, rowsPtr, count, stride, outPtr, sumsPtr, bias);
}

/** Kernels from fastest to slowest: relaxed SIMD (Chrome 114+, Node 22+), then plain SIMD (everywhere). */
const KERNELS_BY_SPEED: readonly KernelKind[] = ['relaxed-simd', 'simd'];

/**
 * The kernels this engine can run, fastest first (empty without WebAssembly SIMD).
 *
 * @example
 * supportedKernels(); // ['relaxed-simd', 'simd'] in current Chromium
 */
export function supportedKernels(): KernelKind[] {
  return KERNELS_BY_SPEED.filter((kind) => kernelModule(kind) !== undefined);
}

/**
 * Whether WebAssembly SIMD is available here (Node 20+, current browsers and their workers).
 *
 * @example
 * if (!wasmSimdSupported()) console.info('vector search scans in JavaScript');
 */
export function wasmSimdSupported(): boolean {
  return kernelModule('simd') !== undefined;
}

/**
 * Every supported kernel instantiated over `memory`, fastest first (none without SIMD).
 *
 * @example
 * const kernels = dotsKernels(new WebAssembly.Memory({ initial: 1 }));
 */
export function dotsKernels(memory: WebAssembly.Memory): Map<KernelKind, DotsKernel> {
  return new Map(supportedKernels().map((kind) => [kind, bindKernel(kernelModule(kind)!, memory)]));
}

/** Default candidate multiplier: the int8 scan keeps `k * oversample` rows for exact re-scoring. */
export const DEFAULT_OVERSAMPLE = 4;

/**
 * Exact top-k of `rows` by {@link Int8Rows.score}, with the scan in WASM; `undefined` when the rows have no
 * SIMD kernel.
 *
 * 1. Quantise the query for the kernel (q = s_q c_q + e_q, |e_q|ᵢ ≤ s_q/2; see {@link queryCodeLimit}), run
 *    it (by default the fastest the rows have: `kernel` picks another, e.g. for a benchmark's baseline),
 *    and approximate every row as
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
  kernel = rows.kernel,
): CertifiedResult | undefined {
  checkQuery(query, rows.dims);
  if (!(oversample >= 1)) throw new RangeError(`vector: oversample must be at least 1, got ${oversample}`);
  if (kernel === undefined) return undefined;
  const { codes, scale } = quantizeQuery(query, queryCodeLimit(kernel));
  const dots = rows.dots(codes, kernel);
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

/**
 * The largest |query code| the `kernel` takes: 127 for `simd`; 63 for `relaxed-simd`, whose query bytes
 * (codes + {@link RELAXED_QUERY_OFFSET}) must stay in 0..127, so its query has 7 bits and twice the error
 * bound (the certification re-scores a few more rows; the result is the same).
 *
 * @example
 * queryCodeLimit('relaxed-simd'); // 63
 */
export function queryCodeLimit(kernel: KernelKind): number {
  return kernel === 'relaxed-simd' ? RELAXED_QUERY_OFFSET - 1 : 127;
}

/** Symmetric integer codes of the query (scale max|q| / limit, codes in [-limit, limit]), with the scale. */
function quantizeQuery(query: Float32Array, limit: number): { codes: Int8Array; scale: number } {
  let max = 0;
  for (let i = 0; i < query.length; i++) max = Math.max(max, Math.abs(query[i]!));
  const codes = new Int8Array(query.length);
  const scale = max / limit;
  if (scale > 0) {
    for (let i = 0; i < query.length; i++)
      codes[i] = Math.max(-limit, Math.min(limit, Math.round(query[i]! / scale)));
  }
  return { codes, scale };
}
