/**
 * Seeded random unit vectors: every page (and method) of one benchmark sees the same data.
 */
import { randomUnitVectors } from '../core/random';

/** Seed of the searched vectors. */
export const DATA_SEED = 20_240_501;

/** Seed of the query vectors. */
export const QUERY_SEED = 7;

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
