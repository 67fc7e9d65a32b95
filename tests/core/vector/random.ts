/** Seeded random data for the vector tests (deterministic across runs). */
import { l2normalize } from '../../../src/core/vector';

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rows` unit vectors of `dims` Gaussian components, packed row-major. */
export function randomUnitVectors(rows: number, dims: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const packed = new Float32Array(rows * dims);
  for (let i = 0; i < packed.length; i++) {
    packed[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  }
  for (let row = 0; row < rows; row++) l2normalize(packed.subarray(row * dims, (row + 1) * dims));
  return packed;
}
