import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  certifiedSearch,
  dotsModuleBytes,
  Int8Rows,
  type KernelKind,
  quantizeInt8,
  queryCodeLimit,
  supportedKernels,
  VectorMatrix,
  wasmSimdSupported,
} from '../../../src/core/vector';
import { randomUnitVectors } from '../../../src/core/random';
import type { DotsKernel } from '../../../src/core/vector/int8-rows';
import { byteQueryKernelIsExact } from '../../../src/core/vector/kernel-check';
import { expectSameHits, storedTopK } from './naive';

/** Int8 rows over raw codes (scales 1), for checking the kernel alone. */
function rowsOfCodes(codes: Int8Array, dims: number): Int8Rows {
  const count = codes.length / dims;
  const rows = new Int8Rows(dims, 1);
  rows.append({ dims, rows: count, codes, scales: new Float32Array(count).fill(1) });
  if (!rows.simd) throw new Error('WebAssembly SIMD unavailable');
  return rows;
}

/** Σ query[i] * codes[row * dims + i] for every row, in plain JavaScript. */
function referenceDots(query: Int8Array, codes: Int8Array, dims: number): Int32Array {
  return Int32Array.from({ length: codes.length / dims }, (_, row) =>
    query.reduce((sum, q, i) => sum + q * codes[row * dims + i]!, 0),
  );
}

const KERNELS: readonly KernelKind[] = ['relaxed-simd', 'simd'];

describe('int8 dot modules', () => {
  it('are valid, and both kernels run here, relaxed SIMD first (no silent fallback)', () => {
    for (const kind of KERNELS) expect(WebAssembly.validate(dotsModuleBytes(kind))).toBe(true);
    expect(wasmSimdSupported()).toBe(true);
    expect(supportedKernels()).toEqual(['relaxed-simd', 'simd']);
    expect(new Int8Rows(512, 1).kernelKinds).toEqual(['relaxed-simd', 'simd']);
    expect(new VectorMatrix(512).kernel).toBe('relaxed-simd');
  });

  it("rejects query codes outside the kernel's range instead of computing wrong dots", () => {
    const rows = rowsOfCodes(new Int8Array(16).fill(1), 16);
    expect(() => rows.dots(new Int8Array(16).fill(64), 'relaxed-simd')).toThrow(/within ±63/);
    expect(() => rows.dots(new Int8Array(16).fill(-128), 'simd')).toThrow(/within ±127/);
  });

  describe.each(KERNELS)('the %s kernel', (kind) => {
    const limit = queryCodeLimit(kind);

    it('computes the same dot products as JavaScript, for any dims and signs (property)', () => {
      const data = fc
        .record({ dims: fc.integer({ min: 1, max: 70 }), rows: fc.integer({ min: 0, max: 12 }) })
        .chain(({ dims, rows }) =>
          fc.record({
            dims: fc.constant(dims),
            query: fc.array(fc.integer({ min: -limit, max: limit }), { minLength: dims, maxLength: dims }),
            codes: fc.array(fc.oneof(fc.integer({ min: -127, max: 127 }), fc.constantFrom(-127, 127)), {
              minLength: rows * dims,
              maxLength: rows * dims,
            }),
          }),
        );
      fc.assert(
        fc.property(data, ({ dims, query, codes }) => {
          const rowCodes = Int8Array.from(codes);
          const queryCodes = Int8Array.from(query);
          const rows = rowsOfCodes(rowCodes, dims);
          expect(rows.dots(queryCodes, kind)).toEqual(referenceDots(queryCodes, rowCodes, dims));
        }),
        { numRuns: 200 },
      );
    });

    it('is exact at the extreme codes (±127) and a negative or mixed-sign query at its limit', () => {
      const dims = 1000;
      const codes = new Int8Array(4 * dims);
      codes.fill(127, 0, dims);
      codes.fill(-127, dims, 2 * dims);
      for (let i = 2 * dims; i < 3 * dims; i++) codes[i] = i % 2 === 0 ? 127 : -127;
      for (let i = 3 * dims; i < 4 * dims; i++) codes[i] = i % 4 < 2 ? 127 : -127;
      const rows = rowsOfCodes(codes, dims);
      const negative = new Int8Array(dims).fill(-limit);
      const mixed = Int8Array.from({ length: dims }, (_, i) => (i % 4 < 2 ? limit : -limit));
      for (const query of [negative, mixed])
        expect(rows.dots(query, kind)).toEqual(referenceDots(query, codes, dims));
      expect(rows.dots(negative, kind)).toEqual(
        Int32Array.from([-127 * limit * dims, 127 * limit * dims, 0, 0]),
      );
      expect(rows.dots(mixed, kind)![3]).toBe(127 * limit * dims);
    });

    it('stays exact after rows are appended in blocks that grow the memory, and some are removed', () => {
      const dims = 40;
      const rows = new Int8Rows(dims, 1);
      // 1,500 rows of 64 bytes: past the first 64 KiB page, so the memory grows while it holds rows.
      const all = Int8Array.from({ length: 1500 * dims }, (_, i) => ((i * 53) % 255) - 127);
      for (let first = 0; first < 1500; first += 500) {
        const codes = all.subarray(first * dims, (first + 500) * dims);
        rows.append({ dims, rows: 500, codes, scales: new Float32Array(500).fill(1) });
      }
      rows.retain((row) => row % 2 === 0);
      const kept = Int8Array.from(
        Array.from({ length: 750 }, (_, k) =>
          Array.from(all.subarray(2 * k * dims, (2 * k + 1) * dims)),
        ).flat(),
      );
      const query = Int8Array.from({ length: dims }, (_, i) => (i % 3 === 0 ? -limit : limit - i));
      expect(rows.dots(query, kind)).toEqual(referenceDots(query, kept, dims));
    });
  });
});

/** The certified search over `vectors` as stored, checked against the independent reference. */
function expectCertified(
  vectors: Float32Array,
  dims: number,
  query: Float32Array,
  k: number,
  oversample = 4,
): void {
  const stored = quantizeInt8(vectors, dims);
  const rows = new Int8Rows(dims, stored.rows);
  rows.append(stored);
  const reference = storedTopK(stored, query, k);
  for (const kind of KERNELS)
    expectSameHits(certifiedSearch(rows, query, k, oversample, kind)!.hits, reference);
}

describe('certifiedSearch with WebAssembly (each kernel)', () => {
  it('returns the exact top 10 on 12,000 × 512 random unit vectors', () => {
    const dims = 512;
    const vectors = randomUnitVectors(12_000, dims, 5);
    for (let seed = 0; seed < 8; seed++)
      expectCertified(vectors, dims, randomUnitVectors(1, dims, 2000 + seed), 10);
  });

  it('equals the exact scan with near-duplicate rows and oversample 1 (property)', () => {
    const nearTies = fc
      .record({
        rows: fc.integer({ min: 1, max: 80 }),
        dims: fc.integer({ min: 1, max: 40 }),
        seed: fc.integer(),
      })
      .chain(({ rows, dims, seed }) =>
        fc.record({
          dims: fc.constant(dims),
          base: fc.constant(randomUnitVectors(rows, dims, seed)),
          // a query close to one of the first rows, or a coarse integer direction
          query: fc.oneof(
            fc.constant(randomUnitVectors(1, dims, seed + 1)),
            fc
              .array(fc.integer({ min: -3, max: 3 }), { minLength: dims, maxLength: dims })
              .map((q) => Float32Array.from(q)),
          ),
          // every row copies one of the first four rows plus a tiny (or no) perturbation
          copies: fc.array(fc.nat({ max: 3 }), { minLength: rows, maxLength: rows }),
          jitter: fc.constantFrom(0, 1e-4, 1e-3, 1e-2),
          k: fc.integer({ min: 0, max: rows + 2 }),
          oversample: fc.constantFrom(1, 1.5, 4),
        }),
      );
    fc.assert(
      fc.property(nearTies, ({ dims, base, query, copies, jitter, k, oversample }) => {
        const rows = base.length / dims;
        const vectors = Float32Array.from(base, (x, i) => {
          const source = copies[Math.floor(i / dims)]! % rows;
          return base[source * dims + (i % dims)]! + jitter * x;
        });
        expectCertified(vectors, dims, query, k, oversample);
      }),
      { numRuns: 400 },
    );
  });

  it('equals the exact scan when the query sits on half steps (property)', () => {
    // Exact rows with a half-step query make the query's error term, the whole bound, decisive.
    const adversarial = fc
      .record({ rows: fc.integer({ min: 2, max: 60 }), dims: fc.integer({ min: 2, max: 24 }) })
      .chain(({ rows, dims }) =>
        fc.record({
          dims: fc.constant(dims),
          query: exactOrHalfStep(dims, true),
          rows: fc.array(exactOrHalfStep(dims, false), { minLength: rows, maxLength: rows }),
          k: fc.integer({ min: 1, max: 3 }),
        }),
      );
    fc.assert(
      fc.property(adversarial, ({ dims, query, rows, k }) => {
        expectCertified(Float32Array.from(rows.flat()), dims, Float32Array.from(query), k, 1);
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * A vector that int8 quantisation keeps exactly (first component 127, the rest integers of magnitude 100..127,
 * scale 1), or one whose every component lies just off a half step (first component 1, scale 1/127), so its
 * quantisation error is close to half a scale everywhere: the error bound must be nearly tight.
 */
const exactOrHalfStep = (dims: number, halfStep: boolean): fc.Arbitrary<number[]> =>
  fc
    .array(fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 100, max: 127 }), fc.boolean()), {
      minLength: dims - 1,
      maxLength: dims - 1,
    })
    .map((rest) =>
      halfStep
        ? [1, ...rest.map(([m, , up]) => (m + (up ? 0.49 : -0.49)) / 127)]
        : [127, ...rest.map(([, c, up]) => (up ? c : -c))],
    );

describe('VectorMatrix.search with WebAssembly', () => {
  it('stays identical to the exact scan of the stored rows after append and remove', () => {
    const dims = 64;
    const rows = 10_300;
    const vectors = randomUnitVectors(rows, dims, 21);
    const ids = Array.from({ length: rows }, (_, row) => `r${row}`);
    const matrix = VectorMatrix.fromPacked(ids, vectors, dims);
    const floats = new Map(ids.map((id, row) => [id, vectors.subarray(row * dims, (row + 1) * dims)]));
    const queries = randomUnitVectors(4, dims, 22);
    const check = (): void => {
      // What storage would hold for the remaining ids, quantised here from the original floats.
      const remaining = new Float32Array(matrix.size * dims);
      matrix.ids.forEach((id, row) => remaining.set(floats.get(id)!, row * dims));
      const stored = quantizeInt8(remaining, dims);
      for (let q = 0; q < 4; q++) {
        const query = queries.subarray(q * dims, (q + 1) * dims);
        expectSameHits(matrix.search(query, 10), storedTopK(stored, query, 10));
        expect(matrix.lastSearchPath).toBe('int8-wasm');
      }
    };
    check();
    const near = Float32Array.from(queries.subarray(0, 2 * dims), (x) => x * 0.999);
    matrix.append(['near0', 'near1'], near);
    floats.set('near0', near.subarray(0, dims)).set('near1', near.subarray(dims));
    check();
    expect(matrix.search(queries.subarray(0, dims), 1)[0]?.id).toBe('near0');
    matrix.remove(['near0', 'r5', 'r700']);
    check();
    expect(matrix.search(queries.subarray(0, dims), 10).map((hit) => hit.id)).not.toContain('near0');
  });
});

describe('byteQueryKernelIsExact (the check before the relaxed kernel is trusted)', () => {
  /** A kernel in JavaScript over `memory` (query bytes at 0) that adds the first `twice` products again. */
  const jsKernel =
    (memory: WebAssembly.Memory, twice: number): DotsKernel =>
    (rowsPtr, count, stride, outPtr) => {
      const query = new Uint8Array(memory.buffer, 0, stride);
      const codes = new Int8Array(memory.buffer, rowsPtr, count * stride);
      const out = new Int32Array(memory.buffer, outPtr, count);
      for (let row = 0; row < count; row++) {
        let sum = 0;
        for (let i = 0; i < stride; i++) sum += codes[row * stride + i]! * query[i]! * (i < twice ? 2 : 1);
        out[row] = sum;
      }
    };

  it('accepts the relaxed kernel as compiled here and an exact kernel', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(dotsModuleBytes('relaxed-simd')), {
      env: { memory },
    });
    const dots = instance.exports.dots as (...args: number[]) => void;
    const bytes = new Uint8Array(memory.buffer);
    const kernel: DotsKernel = (rowsPtr, count, stride, outPtr) =>
      dots(0, rowsPtr, count, stride, outPtr, 0, 0);
    expect(byteQueryKernelIsExact(kernel, bytes)).toBe(true);
    expect(byteQueryKernelIsExact(jsKernel(memory, 0), bytes)).toBe(true);
  });

  it("refuses a kernel that adds part of the products twice (Node 20's baseline compiler did)", () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    expect(byteQueryKernelIsExact(jsKernel(memory, 16), new Uint8Array(memory.buffer))).toBe(false);
  });
});
