/**
 * Seeded pseudo-random numbers, for generated test models, benchmarks and tests that must see the same
 * data on every run.
 */
import { l2normalize } from './vector/normalize';

/**
 * mulberry32: a 32-bit seeded generator returning floats in [0, 1).
 *
 * @example
 * const next = mulberry32(42);
 * next(); // same sequence on every run
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `rows` unit vectors with Gaussian components (Box–Muller), packed row-major.
 *
 * @example
 * const vectors = randomUnitVectors(10_000, 512, 1);
 */
export function randomUnitVectors(rows: number, dims: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const packed = new Float32Array(rows * dims);
  for (let i = 0; i < packed.length; i++) {
    packed[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  }
  for (let row = 0; row < rows; row++) l2normalize(packed.subarray(row * dims, (row + 1) * dims));
  return packed;
}
