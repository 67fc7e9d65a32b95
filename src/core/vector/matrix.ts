import { Int8Rows } from './int8-rows';
import { quantizeInt8, type QuantizedMatrix } from './quantize';
import type { ScoredIndex } from './top-k';
import { certifiedSearch, DEFAULT_OVERSAMPLE } from './wasm-scan';
import type { KernelKind } from './wasm-module';

/** A search hit: row index, the row's id and its score. */
export interface ScoredRow extends ScoredIndex {
  /** Id of the row, e.g. a passage id. */
  id: string;
}

/** Which code answered a {@link VectorMatrix.search}: the exact JavaScript scan, or the WASM SIMD int8 scan. */
export type SearchPath = 'scan' | 'int8-wasm';

/** Options of {@link VectorMatrix}. */
export interface VectorMatrixOptions {
  /** Rows to make room for before growing. */
  capacity?: number;
  /** `false` keeps the WebAssembly SIMD scan off (the JavaScript scan answers every search). */
  simd?: boolean;
}

/**
 * Pre-normalised vectors kept as storage keeps them, int8 codes with one scale per row (`quantizeInt8`;
 * a quarter of float32, and no float copy), each row named by a unique string id. Vectors appended as
 * floats are quantised the way `putVectorBatch` stores them, so a search gives the same results before and
 * after a reload. Rows keep their insertion order; removing rows compacts them. Rows are not normalised
 * here: store unit vectors.
 *
 * @example
 * const { passageIds, rows } = await readVectors(db, modelId);
 * const matrix = VectorMatrix.fromRows(passageIds, rows, 512);
 * matrix.search(query, 10); // [{ index: 3, id: 'doc#3', score: 0.81 }, ...]
 */
export class VectorMatrix {
  /** Components per row. */
  readonly dims: number;
  private rows: Int8Rows;
  private rowIds: string[] = [];
  private readonly rowOf = new Map<string, number>();
  private lastPath: SearchPath | undefined;

  /** An empty matrix of `dims`-wide rows. */
  constructor(dims: number, options: VectorMatrixOptions = {}) {
    this.rows = new Int8Rows(dims, options.capacity ?? 0, { simd: options.simd });
    this.dims = dims;
  }

  /**
   * A matrix over rows read from storage (`readVectors`), adopted as they are (no copy), one id per row.
   * Without rows (nothing stored) or with none, an empty matrix of `dims`; throws when the rows have other
   * dims or the ids do not fit.
   *
   * @example
   * const { passageIds, rows } = await readVectors(db, modelId);
   * const matrix = VectorMatrix.fromRows(passageIds, rows, 512);
   */
  static fromRows(ids: readonly string[], rows: Int8Rows | undefined, dims: number): VectorMatrix {
    const stored = rows !== undefined && rows.size > 0;
    if (stored && rows.dims !== dims)
      throw new RangeError(`vector: rows of ${rows.dims} dims, expected ${dims}`);
    // Stored rows replace the matrix's own, so those get no WebAssembly memory.
    const matrix = new VectorMatrix(dims, { simd: !stored });
    matrix.checkNewIds(ids, stored ? rows.size : 0);
    if (stored) matrix.rows = rows;
    matrix.nameRows(ids);
    return matrix;
  }

  /**
   * A matrix over packed float rows, quantised as storage would store them.
   *
   * @example
   * const matrix = VectorMatrix.fromPacked(ids, vectors, 512);
   */
  static fromPacked(
    ids: readonly string[],
    vectors: Float32Array,
    dims: number,
    options: VectorMatrixOptions = {},
  ): VectorMatrix {
    const matrix = new VectorMatrix(dims, { capacity: ids.length, ...options });
    matrix.append(ids, vectors);
    return matrix;
  }

  /** Number of rows. */
  get size(): number {
    return this.rowIds.length;
  }

  /** Row ids in row order. */
  get ids(): readonly string[] {
    return this.rowIds;
  }

  /** Bytes the rows take (int8 codes padded to 32 bytes, scales, L1 and signed sums), at the current capacity. */
  get byteLength(): number {
    return this.rows.byteLength;
  }

  /** Row index of `id`, or `undefined` when absent. */
  indexOf(id: string): number | undefined {
    return this.rowOf.get(id);
  }

  /**
   * Row `row` as stored, dequantised to floats (`scale · codes`), written into `out` from `offset`.
   *
   * @example
   * matrix.row(matrix.indexOf('doc#3')!); // Float32Array of dims
   */
  row(row: number, out?: Float32Array, offset?: number): Float32Array {
    return this.rows.row(row, out, offset);
  }

  /**
   * The exact score of a row as stored: its dot product with `query`.
   *
   * @example
   * matrix.score(query, 0);
   */
  score(query: Float32Array, row: number): number {
    return this.rows.score(query, row);
  }

  /**
   * Appends float rows (`ids.length * dims`, packed), quantised to int8 exactly as `putVectorBatch` stores
   * them. Throws on a duplicate id; nothing is added then.
   *
   * @example
   * matrix.append(['doc#0', 'doc#1'], packVectors([v0, v1], matrix.dims));
   */
  append(ids: readonly string[], vectors: Float32Array): void {
    this.appendQuantized(ids, quantizeInt8(vectors, this.dims));
  }

  /**
   * Appends already quantised rows (codes and scales as stored). Throws on a duplicate id.
   *
   * @example
   * matrix.appendQuantized(ids, quantizeInt8(vectors, matrix.dims));
   */
  appendQuantized(ids: readonly string[], quantized: QuantizedMatrix): void {
    this.checkNewIds(ids, quantized.rows);
    this.rows.append(quantized);
    this.nameRows(ids);
  }

  /**
   * Removes the rows with these ids (unknown ids are ignored), moving later rows down so the
   * matrix stays contiguous and in order. Returns how many rows were removed.
   *
   * @example
   * matrix.remove(['doc#0', 'doc#1']); // 2
   */
  remove(ids: Iterable<string>): number {
    const doomed = new Set<number>();
    for (const id of ids) {
      const row = this.rowOf.get(id);
      if (row !== undefined) doomed.add(row);
    }
    if (doomed.size === 0) return 0;
    this.rows.retain((row) => !doomed.has(row));
    this.rowIds = this.rowIds.filter((id, row) => {
      if (doomed.has(row)) this.rowOf.delete(id);
      return !doomed.has(row);
    });
    this.rowIds.forEach((id, row) => this.rowOf.set(id, row));
    return doomed.size;
  }

  /**
   * Exact top-k rows by dot product with `query`, scanned in JavaScript (bounded heap, no full sort), best
   * first; equal scores rank the lower row index first.
   *
   * @example
   * matrix.scan(l2normalize(queryVector), 10);
   */
  scan(query: Float32Array, k: number): ScoredRow[] {
    return this.named(this.rows.scan(query, k));
  }

  /**
   * The exact top-k, like {@link VectorMatrix.scan}, found faster: the WebAssembly SIMD kernel scans the
   * int8 codes with a quantised query, and every candidate its certified bound cannot rule out is re-scored
   * exactly (same result). Without WebAssembly SIMD, {@link VectorMatrix.scan} answers. The kernel is the
   * fastest this engine has ({@link VectorMatrix.kernel}); `kernel` picks another (e.g. a baseline).
   *
   * @example
   * matrix.search(queryVector, 10);
   */
  search(query: Float32Array, k: number, kernel = this.rows.kernel): ScoredRow[] {
    const certified = certifiedSearch(this.rows, query, k, DEFAULT_OVERSAMPLE, kernel);
    this.lastPath = certified ? 'int8-wasm' : 'scan';
    return certified ? this.named(certified.hits) : this.scan(query, k);
  }

  /** The SIMD kernel {@link VectorMatrix.search} runs by default; `undefined` when it scans in JavaScript. */
  get kernel(): KernelKind | undefined {
    return this.rows.kernel;
  }

  /** The code that answered the latest {@link VectorMatrix.search}; undefined before the first. */
  get lastSearchPath(): SearchPath | undefined {
    return this.lastPath;
  }

  /** The hits with their row ids. */
  private named(hits: ScoredIndex[]): ScoredRow[] {
    return hits.map((hit) => ({ ...hit, id: this.rowIds[hit.index]! }));
  }

  /** Names the next rows (ids checked by {@link VectorMatrix.checkNewIds}). */
  private nameRows(ids: readonly string[]): void {
    for (const id of ids) {
      this.rowOf.set(id, this.rowIds.length);
      this.rowIds.push(id);
    }
  }

  /** Throws unless there is one row per id and every id is new. */
  private checkNewIds(ids: readonly string[], rows: number): void {
    if (rows !== ids.length) throw new RangeError(`vector: ${ids.length} ids for ${rows} rows`);
    const seen = new Set<string>();
    for (const id of ids) {
      if (this.rowOf.has(id) || seen.has(id)) throw new Error(`vector: duplicate row id ${id}`);
      seen.add(id);
    }
  }
}
