/**
 * Seeded random unit vectors: every page (and method) of one benchmark sees the same data.
 */
import { mulberry32 } from '../../scripts/test-models/prng';
import { l2normalize } from '../core/vector';

/** Seed of the searched vectors. */
export const DATA_SEED = 20_240_501;

/** Seed of the query vectors. */
export const QUERY_SEED = 7;

/**
 * `rows` unit vectors with Gaussian components (Box–Muller), packed row-major.
 *
 * @example
 * const vectors = randomUnitVectors(10_000, 512, DATA_SEED);
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

/**
 * The `count` query vectors of a benchmark, each its own Float32Array.
 *
 * @example
 * const queries = randomQueries(8, 512);
 */
export function randomQueries(count: number, dims: number): Float32Array[] {
  const packed = randomUnitVectors(count, dims, QUERY_SEED);
  return Array.from({ length: count }, (_, i) => packed.slice(i * dims, (i + 1) * dims));
}
