/**
 * ONNX models of one MatMul `Y = A × W`, `A: [m, k]` a graph input and `W: [k, n]` a constant, for the
 * "best plain WASM matrix multiply" reference.
 */
import { mulberry32 } from '../../src/core/random';
import { GraphBuilder } from '../test-models/onnx-builder';
import type { MatMulShape } from '../../src/bench/protocol';

/** Shapes tried: the FFN and attention projections of bge-small (k or n = 512/2048) at batch-sized m, and a square one. */
export const PEAK_SHAPES: readonly { m: number; k: number; n: number }[] = [
  { m: 2048, k: 512, n: 2048 },
  { m: 2048, k: 2048, n: 512 },
  { m: 1024, k: 1024, n: 1024 },
];

/**
 * The ONNX bytes of `[m, k] × [k, n]` (m dynamic) with seeded random weights.
 *
 * @example
 * const bytes = matmulModel(512, 2048); // any m × 512 input
 */
export function matmulModel(k: number, n: number): Uint8Array {
  const random = mulberry32(k * 31 + n);
  const weight = Float32Array.from({ length: k * n }, () => (random() * 2 - 1) / Math.sqrt(k));
  const graph = new GraphBuilder();
  graph.op('MatMul', ['A', graph.floats('W', [k, n], weight)], {}, 'Y');
  return graph.encode(
    'matmul',
    [{ name: 'A', type: 'float32', shape: ['m', k] }],
    [{ name: 'Y', type: 'float32', shape: ['m', n] }],
  );
}

/**
 * {@link PEAK_SHAPES} with their models, ready for the bench page.
 *
 * @example
 * await page.evaluate((request) => window.bench!.peak(request), { threads: 2, shapes: peakShapes(), runs: 7 });
 */
export function peakShapes(): MatMulShape[] {
  return PEAK_SHAPES.map(({ m, k, n }) => ({
    m,
    k,
    n,
    model: Buffer.from(matmulModel(k, n)).toString('base64'),
  }));
}
