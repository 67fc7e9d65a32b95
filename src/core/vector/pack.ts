/**
 * Packing: many vectors ⇄ one contiguous row-major Float32Array ⇄ bytes for storage.
 * Storage keeps these typed arrays (or their bytes), never arrays of JS numbers.
 */
import { checkDims, rowCount } from './shape';

/**
 * Packs vectors of `dims` floats into one contiguous row-major array. An already packed
 * Float32Array is validated and returned as is (no copy).
 *
 * @example
 * packVectors([Float32Array.of(1, 0), Float32Array.of(0, 1)], 2); // Float32Array [1, 0, 0, 1]
 */
export function packVectors(vectors: readonly Float32Array[] | Float32Array, dims: number): Float32Array {
  if (vectors instanceof Float32Array) {
    rowCount(vectors, dims);
    return vectors;
  }
  checkDims(dims);
  const packed = new Float32Array(vectors.length * dims);
  vectors.forEach((vector, row) => {
    if (vector.length !== dims)
      throw new RangeError(`vector: row ${row} has ${vector.length} dims, expected ${dims}`);
    packed.set(vector, row * dims);
  });
  return packed;
}

/**
 * Splits a packed matrix into one array per row. The rows are views that share the packed memory.
 *
 * @example
 * unpackVectors(Float32Array.of(1, 0, 0, 1), 2); // [Float32Array [1, 0], Float32Array [0, 1]]
 */
export function unpackVectors(packed: Float32Array, dims: number): Float32Array[] {
  const rows = rowCount(packed, dims);
  return Array.from({ length: rows }, (_, row) => packed.subarray(row * dims, (row + 1) * dims));
}

/**
 * Copies a packed matrix into a fresh ArrayBuffer of exactly its bytes (platform byte order),
 * ready for IndexedDB. A view into a larger buffer does not drag the rest of that buffer along.
 *
 * @example
 * const bytes = vectorsToBytes(packed); // bytes.byteLength === packed.length * 4
 */
export function vectorsToBytes(packed: Float32Array): ArrayBuffer {
  return packed.slice().buffer;
}

/**
 * Views bytes written by {@link vectorsToBytes} as a packed matrix of `dims`-wide rows (no copy).
 *
 * @example
 * const vectors = vectorsFromBytes(record.data, 512);
 */
export function vectorsFromBytes(bytes: ArrayBuffer, dims: number): Float32Array {
  checkDims(dims);
  if (bytes.byteLength % (4 * dims) !== 0) {
    throw new RangeError(`vector: ${bytes.byteLength} bytes do not hold whole rows of ${dims} floats`);
  }
  return new Float32Array(bytes);
}
