/**
 * The int8 dot-product kernels checked in the browser (`window.kernelBench`, used by
 * `tests/e2e/vector-kernels.spec.ts`): every kernel this engine runs against a plain JavaScript sum, over rows
 * holding the extreme codes (±127) and seeded random ones, with queries at each kernel's limits (all negative,
 * mixed signs) and random within them.
 */
import { mulberry32 } from '../core/random';
import { Int8Rows, queryCodeLimit, supportedKernels, type KernelKind } from '../core/vector';

/** What {@link checkKernels} found. */
export interface KernelCheckResult {
  /** The kernels this engine runs, fastest (the app's) first. */
  kernels: KernelKind[];
  /** Per kernel, dot products that differed from the JavaScript sum. */
  mismatches: Partial<Record<KernelKind, number>>;
  /** Dot products compared per kernel. */
  compared: number;
}

/** The functions the bench page puts on `window.kernelBench`. */
export interface KernelBenchApi {
  /** Runs each kernel `calls` times over the same rows and compares every result. */
  check(calls: number): KernelCheckResult;
}

const DIMS = 200;
const ROWS = 400;

/** Rows: all 127, all −127, alternating, then seeded codes in [−127, 127]. */
function testRows(random: () => number): Int8Array {
  return Int8Array.from({ length: ROWS * DIMS }, (_, i) => {
    const row = Math.floor(i / DIMS);
    if (row === 0) return 127;
    if (row === 1) return -127;
    if (row === 2) return i % 2 === 0 ? 127 : -127;
    return Math.round(random() * 254) - 127;
  });
}

/** Queries for a kernel taking codes within ±limit: all −limit, mixed ±limit, then seeded. */
function testQuery(call: number, limit: number, random: () => number): Int8Array {
  return Int8Array.from({ length: DIMS }, (_, i) => {
    if (call === 0) return -limit;
    if (call === 1) return i % 3 === 0 ? limit : -limit;
    return Math.round(random() * 2 * limit) - limit;
  });
}

function checkKernels(calls: number): KernelCheckResult {
  const random = mulberry32(12);
  const codes = testRows(random);
  const rows = new Int8Rows(DIMS, ROWS);
  rows.append({ dims: DIMS, rows: ROWS, codes, scales: new Float32Array(ROWS).fill(1) });
  const mismatches: Partial<Record<KernelKind, number>> = {};
  for (const kind of rows.kernelKinds) {
    let wrong = 0;
    for (let call = 0; call < calls; call++) {
      const query = testQuery(call, queryCodeLimit(kind), random);
      const dots = rows.dots(query, kind)!;
      for (let row = 0; row < ROWS; row++) {
        let sum = 0;
        for (let i = 0; i < DIMS; i++) sum += query[i]! * codes[row * DIMS + i]!;
        if (dots[row] !== sum) wrong++;
      }
    }
    mismatches[kind] = wrong;
  }
  return { kernels: supportedKernels(), mismatches, compared: calls * ROWS };
}

/** The functions on `window.kernelBench`. */
export const kernelBench: KernelBenchApi = { check: checkKernels };

declare global {
  interface Window {
    /** Set by `src/bench/main.ts`. */
    kernelBench?: KernelBenchApi;
  }
}
