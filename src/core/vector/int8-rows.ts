/**
 * The rows of a vector matrix exactly as storage keeps them: int8 codes and one float32 scale per row.
 * The codes live in WebAssembly memory, padded to 32 bytes per row, so the SIMD kernels (`wasm-scan.ts`)
 * scan them where they are: there is no second copy, and no float copy at all.
 */
import { dotInt8 } from './dot';
import { codeL1Sums, type QuantizedMatrix } from './quantize';
import { checkDims, checkQuery } from './shape';
import { TopK, type ScoredIndex } from './top-k';
import { dotsKernels, queryCodeLimit } from './wasm-scan';
import { DOTS_STRIDE_MULTIPLE, type KernelKind, RELAXED_QUERY_OFFSET } from './wasm-module';

const PAGE_BYTES = 65_536;

/**
 * A SIMD kernel bound to one memory: writes each row's i32 dot with the query stored at byte 0, minus `bias`
 * times the row's i32 at `sumsPtr` (both 0 by default: the plain dot product).
 */
export type DotsKernel = (
  rowsPtr: number,
  count: number,
  stride: number,
  outPtr: number,
  sumsPtr?: number,
  bias?: number,
) => void;

/**
 * Growable int8 rows (`x[i] = scales[row] * codes[i]`). Memory layout: the query (`2 * stride` bytes: i16
 * codes for the `simd` kernel, offset bytes for `relaxed-simd`), then `capacity` rows of `stride` bytes,
 * then one i32 per row for the kernel's output, then each row's Σ codes (i32) for the relaxed kernel.
 *
 * @example
 * const rows = new Int8Rows(512);
 * rows.append(quantizeInt8(vectors, 512));
 * rows.score(query, 0); // exact dot product of query and row 0 as stored
 */
export class Int8Rows {
  /** Components per row. */
  readonly dims: number;
  /** Bytes per row in memory: `dims` rounded up to a multiple of 32 (two v128). */
  readonly stride: number;
  private count = 0;
  private capacity = 0;
  private memory: WebAssembly.Memory | undefined;
  private bytes: Uint8Array;
  private codes: Int8Array;
  private scales: Float32Array;
  /** Per row, Σ|codes|: with the scale, the row's L1 norm (for the certified error bound). */
  private codeL1: Int32Array;
  /** Per row, Σ codes (signed), in WebAssembly memory while a `relaxed-simd` kernel is bound: it undoes the query's offset. */
  private codeSums: Int32Array;
  private kernels = new Map<KernelKind, DotsKernel>();

  /** Empty rows with room for `capacity` before they grow; `simd: false` keeps the SIMD kernels off. */
  constructor(dims: number, capacity = 0, options: { simd?: boolean } = {}) {
    checkDims(dims);
    this.dims = dims;
    this.stride = Math.ceil(dims / DOTS_STRIDE_MULTIPLE) * DOTS_STRIDE_MULTIPLE;
    this.bytes = new Uint8Array(0);
    this.codes = new Int8Array(0);
    this.scales = new Float32Array(0);
    this.codeL1 = new Int32Array(0);
    this.codeSums = new Int32Array(0);
    if (options.simd ?? true) this.startWasm(pageCount(2 * this.stride + capacity * (this.stride + 8)));
    this.allocate(capacity);
  }

  /** Number of rows. */
  get size(): number {
    return this.count;
  }

  /** Bytes held for the rows: codes (padded), scales, L1 sums and code sums, at the current capacity. */
  get byteLength(): number {
    return this.bytes.byteLength + this.scales.byteLength + this.codeL1.byteLength;
  }

  /** Whether {@link Int8Rows.dots} runs a WebAssembly SIMD kernel. */
  get simd(): boolean {
    return this.kernel !== undefined;
  }

  /** The kernel {@link Int8Rows.dots} runs by default, the fastest bound here; `undefined` without SIMD. */
  get kernel(): KernelKind | undefined {
    return this.kernels.keys().next().value;
  }

  /** Every kernel bound to these rows, fastest first (e.g. to compare one with another). */
  get kernelKinds(): KernelKind[] {
    return [...this.kernels.keys()];
  }

  /**
   * Views of every row's scale and Σ|codes| (valid until the rows change).
   *
   * @example
   * const { scales, codeL1 } = rows.rowStats();
   */
  rowStats(): { scales: Float32Array; codeL1: Int32Array } {
    return { scales: this.scales.subarray(0, this.count), codeL1: this.codeL1.subarray(0, this.count) };
  }

  /**
   * Appends quantised rows (codes copied as they are, in one block when rows need no padding). `codeL1`, each
   * row's Σ|codes| as storage keeps it (`codeL1Sums`), saves recomputing it.
   *
   * @example
   * rows.append(quantizeInt8(batch, rows.dims));
   */
  append(quantized: QuantizedMatrix, codeL1: Int32Array = codeL1Sums(quantized)): void {
    const { dims, stride } = this;
    const { rows: added, codes, scales } = quantized;
    if (quantized.dims !== dims)
      throw new RangeError(`vector: rows of ${quantized.dims} dims, expected ${dims}`);
    if (codes.length !== added * dims || scales.length !== added || codeL1.length !== added) {
      throw new RangeError(
        `vector: ${added} rows of ${dims} dims with ${codes.length} codes, ${scales.length} scales and ${codeL1.length} sums`,
      );
    }
    if (added === 0) return;
    const needed = this.count + added;
    // Grows by a quarter (WebAssembly memory never shrinks): a 1,000,000-row matrix gains 250,000 rows.
    if (needed > this.capacity) this.allocate(Math.max(needed, Math.ceil(1.25 * this.capacity), 256));
    if (stride === dims) this.codes.set(codes, this.count * stride);
    else {
      for (let r = 0; r < added; r++)
        this.codes.set(codes.subarray(r * dims, (r + 1) * dims), (this.count + r) * stride);
    }
    this.scales.set(scales, this.count);
    this.codeL1.set(codeL1, this.count);
    this.sumCodes(this.count, added);
    this.count = needed;
  }

  /**
   * A copy of the rows as a {@link QuantizedMatrix} (codes without padding, scales), e.g. for an export.
   *
   * @example
   * dequantizeInt8(rows.toQuantized()); // every row as floats
   */
  toQuantized(): QuantizedMatrix {
    const { dims, stride, count } = this;
    const codes = new Int8Array(count * dims);
    for (let row = 0; row < count; row++)
      codes.set(this.codes.subarray(row * stride, row * stride + dims), row * dims);
    return { dims, rows: count, codes, scales: this.scales.slice(0, count) };
  }

  /**
   * Keeps only the rows for which `keep(row)` is true, moved down in order. Returns how many were removed.
   *
   * @example
   * rows.retain((row) => row !== 3); // 1
   */
  retain(keep: (row: number) => boolean): number {
    const { stride } = this;
    let to = 0;
    for (let row = 0; row < this.count; row++) {
      if (!keep(row)) continue;
      if (to !== row) {
        this.codes.copyWithin(to * stride, row * stride, (row + 1) * stride);
        this.scales[to] = this.scales[row]!;
        this.codeL1[to] = this.codeL1[row]!;
        this.codeSums[to] = this.codeSums[row]!;
      }
      to++;
    }
    const removed = this.count - to;
    this.count = to;
    return removed;
  }

  /**
   * The exact score of a row as stored: `scale · Σ query[i] · codes[i]` (float64).
   *
   * @example
   * rows.score(query, 7);
   */
  score(query: Float32Array, row: number): number {
    return this.scales[row]! * dotInt8(query, this.codes, row * this.stride, this.dims);
  }

  /**
   * Row `row` as floats (`scale · codes`), e.g. for a projection or an export.
   *
   * @example
   * const vector = rows.row(0); // Float32Array of dims
   */
  row(row: number, out: Float32Array = new Float32Array(this.dims), offset = 0): Float32Array {
    if (!(row >= 0 && row < this.count)) throw new RangeError(`vector: no row ${row} in ${this.count}`);
    const scale = this.scales[row]!;
    const start = row * this.stride;
    for (let i = 0; i < this.dims; i++) out[offset + i] = this.codes[start + i]! * scale;
    return out;
  }

  /**
   * Exact top-k by {@link Int8Rows.score} in JavaScript, best first, ties to the lower row.
   *
   * @example
   * rows.scan(query, 10);
   */
  scan(query: Float32Array, k: number): ScoredIndex[] {
    checkQuery(query, this.dims);
    const top = new TopK(Math.min(k, this.count));
    if (top.k === 0) return [];
    for (let row = 0; row < this.count; row++) {
      const score = this.score(query, row);
      if (score >= top.threshold) top.offer(row, score);
    }
    return top.results();
  }

  /**
   * Exact integer dot products of query codes with every row's codes, by a SIMD kernel (the fastest by
   * default). The codes must be within `queryCodeLimit(kernel)`: [-127, 127] for `simd`, [-63, 63] for
   * `relaxed-simd`. A view into WebAssembly memory, overwritten by the next call; `undefined` without the
   * kernel.
   *
   * @example
   * rows.dots(queryCodes)?.[row]; // Σ queryCodes[i] * codes of row
   */
  dots(queryCodes: Int8Array, kind = this.kernel): Int32Array | undefined {
    const kernel = kind === undefined ? undefined : this.kernels.get(kind);
    if (!kernel) return undefined;
    if (queryCodes.length !== this.dims)
      throw new RangeError(`vector: ${queryCodes.length} query codes, expected ${this.dims}`);
    const relaxed = kind === 'relaxed-simd';
    const limit = queryCodeLimit(kind!);
    if (queryCodes.some((code) => code < -limit || code > limit))
      throw new RangeError(`vector: query codes of the ${kind} kernel must be within ±${limit}`);
    this.bytes.fill(relaxed ? RELAXED_QUERY_OFFSET : 0, 0, 2 * this.stride);
    if (relaxed) queryCodes.forEach((code, i) => (this.bytes[i] = code + RELAXED_QUERY_OFFSET));
    else new Int16Array(this.bytes.buffer, 0, this.dims).set(queryCodes);
    // Σ codes · (query + offset) − offset · Σ codes = Σ codes · query (padding codes are 0).
    return this.runKernel(kernel, 0, this.count, relaxed ? RELAXED_QUERY_OFFSET : 0);
  }

  /**
   * Runs `kernel` over `count` rows from `first` with the query in memory, taking `bias` times each row's
   * Σ codes off; returns its output for them.
   */
  private runKernel(kernel: DotsKernel, first: number, count: number, bias: number): Int32Array {
    const queryBytes = 2 * this.stride;
    const outPtr = queryBytes + this.capacity * this.stride + 4 * first;
    kernel(
      queryBytes + first * this.stride,
      count,
      this.stride,
      outPtr,
      this.codeSums.byteOffset + 4 * first,
      bias,
    );
    return new Int32Array(this.bytes.buffer, outPtr, count);
  }

  /** Σ codes of `count` rows from `first`, by the relaxed kernel with a query of ones (skipped without it). */
  private sumCodes(first: number, count: number): void {
    const kernel = this.kernels.get('relaxed-simd');
    if (!kernel) return;
    this.bytes.fill(1, 0, this.stride);
    this.codeSums.set(this.runKernel(kernel, first, count, 0), first);
  }

  /** Makes room for `capacity` rows, keeping the rows there are (WebAssembly memory grows in place). */
  private allocate(capacity: number): void {
    const queryBytes = 2 * this.stride;
    if (this.memory) {
      // The sums follow the output, so they move up when the rows' region grows (read the old place before
      // growing: growing detaches the old buffer, and its views then report offset 0).
      const sumsWere = this.codeSums.byteOffset;
      const total = queryBytes + capacity * (this.stride + 8);
      const pages = pageCount(total) - this.memory.buffer.byteLength / PAGE_BYTES;
      if (pages > 0) this.memory.grow(pages);
      this.bytes = new Uint8Array(this.memory.buffer);
      const sumsAt = queryBytes + capacity * (this.stride + 4);
      this.bytes.copyWithin(sumsAt, sumsWere, sumsWere + 4 * this.count);
      this.codeSums = new Int32Array(this.memory.buffer, sumsAt, capacity);
    } else {
      const grown = new Uint8Array(queryBytes + capacity * (this.stride + 4));
      grown.set(this.bytes.subarray(0, queryBytes + this.count * this.stride));
      this.bytes = grown;
    }
    this.codes = new Int8Array(this.bytes.buffer, queryBytes, capacity * this.stride);
    this.scales = grownCopy(this.scales, new Float32Array(capacity), this.count);
    this.codeL1 = grownCopy(this.codeL1, new Int32Array(capacity), this.count);
    this.capacity = capacity;
  }

  /** Creates the WebAssembly memory and binds the kernels to it; stays on plain memory without SIMD. */
  private startWasm(pages: number): void {
    try {
      const memory = new WebAssembly.Memory({ initial: pages });
      this.kernels = dotsKernels(memory);
      if (this.kernels.size > 0) this.memory = memory;
    } catch {
      this.kernels.clear();
    }
  }
}

/** WebAssembly pages (64 KiB) that hold `bytes`, at least one. */
function pageCount(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / PAGE_BYTES));
}

/** `into` with the first `count` entries of `from`. */
function grownCopy<T extends Float32Array | Int32Array>(from: T, into: T, count: number): T {
  into.set(from.subarray(0, count));
  return into;
}
