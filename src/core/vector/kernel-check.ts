/**
 * A known-answer check of a dot-product kernel, run once before the kernel is trusted. The relaxed SIMD dot
 * product is deterministic for query bytes in 0..127, but an engine may still lower it wrongly: Node 20's
 * baseline compiler (relaxed SIMD behind `--experimental-wasm-relaxed-simd`) adds part of the products twice.
 * A kernel that fails here is not used; the search falls back to the plain SIMD kernel.
 */
import type { DotsKernel } from './int8-rows';

/** Codes per row of the check: two steps of the relaxed kernel's 32-code loop. */
const DIMS = 64;

/** Rows of the check: the extreme codes (all 127, all −127, alternating) and a ramp over every code. */
const ROWS: ((i: number) => number)[] = [
  () => 127,
  () => -127,
  (i) => (i % 2 === 0 ? 127 : -127),
  (i) => ((i * 53) % 255) - 127,
];

/** Query bytes of the check: the extremes of 0..127 and a ramp over it. */
const QUERIES: ((i: number) => number)[] = [() => 127, (i) => (i % 3 === 0 ? 0 : 127), (i) => (i * 37) % 128];

/**
 * Whether `kernel` (query bytes at byte 0 of `bytes`, its memory) gives the exact dot products of the check's
 * rows and queries; it writes over the memory's first kilobyte.
 *
 * @example
 * if (!byteQueryKernelIsExact(kernel, new Uint8Array(memory.buffer))) kernel = undefined;
 */
export function byteQueryKernelIsExact(kernel: DotsKernel, bytes: Uint8Array): boolean {
  const rowsPtr = 2 * DIMS;
  const outPtr = rowsPtr + ROWS.length * DIMS;
  const codes = new Int8Array(bytes.buffer, rowsPtr, ROWS.length * DIMS);
  ROWS.forEach((code, row) => {
    for (let i = 0; i < DIMS; i++) codes[row * DIMS + i] = code(i);
  });
  return QUERIES.every((query) => {
    for (let i = 0; i < DIMS; i++) bytes[i] = query(i);
    kernel(rowsPtr, ROWS.length, DIMS, outPtr);
    const out = new Int32Array(bytes.buffer, outPtr, ROWS.length);
    return ROWS.every((code, row) => {
      let want = 0;
      for (let i = 0; i < DIMS; i++) want += code(i) * query(i);
      return out[row] === want;
    });
  });
}
