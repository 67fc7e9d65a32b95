import { rowCount } from './shape';

/**
 * Int8 copy of a packed float matrix: symmetric per-row quantisation, `x ≈ scales[row] * codes[i]`
 * with `scales[row] = max|x| / 127`. A quarter of the float memory.
 */
export interface QuantizedMatrix {
  /** Components per row. */
  dims: number;
  /** Number of rows. */
  rows: number;
  /** `rows * dims` codes in [-127, 127], row-major. */
  codes: Int8Array;
  /** One scale per row; 0 for an all-zero row. */
  scales: Float32Array;
}

/**
 * Quantises every row of a packed matrix to int8 with its own scale (max|x| / 127).
 * Each component's error is at most half its row's scale.
 *
 * @example
 * const q = quantizeInt8(vectors, 512); // q.codes.length === vectors.length
 */
export function quantizeInt8(
  vectors: Float32Array,
  dims: number,
): QuantizedMatrix & { codes: Int8Array<ArrayBuffer>; scales: Float32Array<ArrayBuffer> } {
  const rows = rowCount(vectors, dims);
  const codes = new Int8Array(vectors.length);
  const scales = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    const start = row * dims;
    let max = 0;
    for (let i = start; i < start + dims; i++) max = Math.max(max, Math.abs(vectors[i]!));
    if (max === 0) continue;
    const scale = Math.fround(max / 127);
    scales[row] = scale;
    for (let i = start; i < start + dims; i++) {
      codes[i] = Math.max(-127, Math.min(127, Math.round(vectors[i]! / scale)));
    }
  }
  return { dims, rows, codes, scales };
}

/**
 * Per row, Σ|codes|: with the row's scale, its L1 norm (the certified search's error bound needs it). Storage
 * keeps these next to the codes so a load does not recompute them.
 *
 * @example
 * codeL1Sums(quantizeInt8(Float32Array.of(1, -1, 0.5, 0), 2)); // Int32Array [254, 127]
 */
export function codeL1Sums(quantized: QuantizedMatrix): Int32Array<ArrayBuffer> {
  const { dims, rows, codes } = quantized;
  const sums = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let i = row * dims; i < (row + 1) * dims; i++) sum += Math.abs(codes[i]!);
    sums[row] = sum;
  }
  return sums;
}

/**
 * Writes row `row` of `quantized` back as floats (`scales[row] * codes[i]`) into `out` from `offset`.
 * Every component is within half the row's scale of the float it was quantised from.
 *
 * @example
 * dequantizeRowInto(q, 3, matrix, 3 * q.dims);
 */
export function dequantizeRowInto(
  quantized: QuantizedMatrix,
  row: number,
  out: Float32Array,
  offset: number,
): void {
  const { dims, codes, scales } = quantized;
  if (row < 0 || row >= quantized.rows) throw new RangeError(`vector: no row ${row} in ${quantized.rows}`);
  const scale = scales[row]!;
  const start = row * dims;
  for (let i = 0; i < dims; i++) out[offset + i] = codes[start + i]! * scale;
}

/**
 * Every row of `quantized` back as floats, packed row-major (e.g. for an index file).
 *
 * @example
 * const vectors = dequantizeInt8(stored.quantized); // vectors.length === rows * dims
 */
export function dequantizeInt8(quantized: QuantizedMatrix): Float32Array {
  const out = new Float32Array(quantized.rows * quantized.dims);
  for (let row = 0; row < quantized.rows; row++) dequantizeRowInto(quantized, row, out, row * quantized.dims);
  return out;
}
