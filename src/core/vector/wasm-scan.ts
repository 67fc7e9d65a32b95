/**
 * Int8 top-k search whose scan runs in WebAssembly SIMD (see `wasm-module.ts`). The row codes live in
 * the instance's own linear memory, copied once when the index is built; each query only writes its
 * own codes (and reads back one i32 per row).
 */
import { certifiedTopK, checkInt8Search } from './certified-top-k';
import type { Int8SearchOptions, Int8SearchResult } from './int8-search';
import { DEFAULT_OVERSAMPLE } from './int8-search';
import type { QuantizedMatrix } from './quantize';
import { int8DotsModuleBytes, WASM_DOTS_EXPORT, WASM_MEMORY_IMPORT } from './wasm-module';

const PAGE_BYTES = 65_536;

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
 * if (!wasmSimdSupported()) console.info('int8 search falls back to JavaScript');
 */
export function wasmSimdSupported(): boolean {
  return simdModule() !== undefined;
}

/**
 * Int8 rows in WebAssembly memory, searched with the SIMD kernel and re-scored exactly in float.
 *
 * @example
 * const index = WasmInt8Index.build(quantizeInt8(vectors, 512));
 * index?.search(vectors, query, 10).hits; // same as scanTopK(vectors, 512, query, 10)
 */
export class WasmInt8Index {
  /** Components per row. */
  readonly dims: number;
  /** Number of rows. */
  readonly rows: number;
  private readonly scales: Float32Array;
  /** Per row, ‖scale · codes‖₁: the L1 norm of the dequantised row, for the error bound. */
  private readonly rowL1: Float64Array;
  /** Query codes widened to i16, `stride` of them (zero padding past `dims`), at byte 0. */
  private readonly queryCodes: Int16Array;
  /** One i32 dot product per row, written by the kernel. */
  private readonly dots: Int32Array;
  private readonly run: () => void;

  private constructor(quantized: QuantizedMatrix, module: WebAssembly.Module, memory: WebAssembly.Memory) {
    const { dims, rows, codes, scales } = quantized;
    const stride = paddedStride(dims);
    const rowsPtr = 2 * stride;
    const outPtr = rowsPtr + rows * stride;
    this.dims = dims;
    this.rows = rows;
    this.scales = scales;
    this.queryCodes = new Int16Array(memory.buffer, 0, stride);
    this.dots = new Int32Array(memory.buffer, outPtr, rows);
    const rowCodes = new Int8Array(memory.buffer, rowsPtr, rows * stride);
    if (stride === dims) rowCodes.set(codes.subarray(0, rows * dims));
    else
      for (let row = 0; row < rows; row++)
        rowCodes.set(codes.subarray(row * dims, (row + 1) * dims), row * stride);
    this.rowL1 = new Float64Array(rows);
    for (let row = 0, i = 0; row < rows; row++) {
      let sum = 0;
      for (const end = i + dims; i < end; i++) sum += Math.abs(codes[i]!);
      this.rowL1[row] = scales[row]! * sum;
    }
    const instance = new WebAssembly.Instance(module, {
      [WASM_MEMORY_IMPORT.module]: { [WASM_MEMORY_IMPORT.name]: memory },
    });
    const kernel = instance.exports[WASM_DOTS_EXPORT] as (...args: number[]) => void;
    this.run = () => kernel(0, rowsPtr, rows, stride, outPtr);
  }

  /**
   * Copies the codes of `quantized` into a new WebAssembly memory (rows padded with zeros to a multiple
   * of 16 bytes). `undefined` when WebAssembly SIMD is unavailable or the memory cannot be allocated.
   */
  static build(quantized: QuantizedMatrix): WasmInt8Index | undefined {
    const module = simdModule();
    if (module === undefined) return undefined;
    const stride = paddedStride(quantized.dims);
    const bytes = 2 * stride + quantized.rows * (stride + 4);
    let memory: WebAssembly.Memory;
    try {
      memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE_BYTES)) });
    } catch {
      return undefined;
    }
    return new WasmInt8Index(quantized, module, memory);
  }

  /**
   * Integer dot products of int8 query codes (`dims` of them, each in [-127, 127]) with every row's codes,
   * computed by the SIMD kernel. Returns a view into WebAssembly memory, overwritten by the next call.
   *
   * @example
   * index.dotProducts(queryCodes)[row]; // Σ queryCodes[i] * codes[row * dims + i]
   */
  dotProducts(queryCodes: Int8Array): Int32Array {
    if (queryCodes.length !== this.dims)
      throw new RangeError(`vector: ${queryCodes.length} query codes, expected ${this.dims}`);
    this.queryCodes.set(queryCodes);
    this.run();
    return this.dots;
  }

  /**
   * Exact top-k by dot product, like `searchInt8` but with the query quantised too and the scan in WASM:
   *
   * 1. Approximate every row as `s_r · s_q · (c_r · c_q)`; keep the best `k * oversample`.
   * 2. Re-score those exactly in float (`dot` on `exact`) and keep the best k.
   * 3. Certify. With row x = s_r c_r + e_r and query q = s_q c_q + e_q (|e|ᵢ ≤ s/2):
   *    x·q − s_r s_q (c_r·c_q) = e_r·q + s_r c_r·e_q, so the error is at most
   *    (s_r/2)‖q‖₁ + (s_q/2)‖s_r c_r‖₁. Every other row whose approximation plus that bound reaches
   *    the k-th exact score is re-scored, so the result equals `scanTopK` (same scores and tie order).
   *
   * `exact` holds the float rows this index was quantised from.
   */
  search(
    exact: Float32Array,
    query: Float32Array,
    k: number,
    options: Int8SearchOptions = {},
  ): Int8SearchResult {
    const { dims, rows, scales, rowL1 } = this;
    const oversample = options.oversample ?? DEFAULT_OVERSAMPLE;
    checkInt8Search(query, exact, dims, rows, oversample);
    const { codes, scale, l1 } = quantizeQuery(query);
    const dots = this.dotProducts(codes);
    const approx = new Float64Array(rows);
    for (let row = 0; row < rows; row++) approx[row] = scales[row]! * scale * dots[row]!;
    // The error bound's two factors, widened slightly so float rounding cannot defeat it.
    const queryHalfL1 = 0.5 * l1 * (1 + 1e-6);
    const halfScale = 0.5 * scale * (1 + 1e-6);
    return certifiedTopK({
      approx,
      bound: (row) => scales[row]! * queryHalfL1 + halfScale * rowL1[row]! + 1e-9,
      exact,
      dims,
      query,
      k,
      oversample,
    });
  }
}

/** Row length in the kernel's memory: `dims` rounded up to a multiple of 16 bytes (one v128). */
function paddedStride(dims: number): number {
  return Math.ceil(dims / 16) * 16;
}

/** Symmetric int8 codes of the query (scale max|q| / 127), with the scale and the query's L1 norm. */
function quantizeQuery(query: Float32Array): { codes: Int8Array; scale: number; l1: number } {
  let max = 0;
  let l1 = 0;
  for (let i = 0; i < query.length; i++) {
    const abs = Math.abs(query[i]!);
    l1 += abs;
    max = Math.max(max, abs);
  }
  const codes = new Int8Array(query.length);
  const scale = max / 127;
  if (scale > 0) {
    for (let i = 0; i < query.length; i++)
      codes[i] = Math.max(-127, Math.min(127, Math.round(query[i]! / scale)));
  }
  return { codes, scale, l1 };
}
