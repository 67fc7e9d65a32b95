import { int8Searcher, type Int8Path, type Int8Searcher } from './int8-searcher';
import { scanTopK } from './scan';
import { checkDims, rowCount } from './shape';
import type { ScoredIndex } from './top-k';

/** A search hit: row index, the row's id and its score. */
export interface ScoredRow extends ScoredIndex {
  /** Id of the row, e.g. a passage id. */
  id: string;
}

/** Which code answered a {@link VectorMatrix.search}: the exact float scan or an int8 scan. */
export type SearchPath = 'scan' | Int8Path;

/**
 * Row count from which {@link VectorMatrix.search} scans int8 codes before exact re-scoring. Measured in
 * Node 20 on random 512-d unit vectors (top 10, median of 9), exact scan / JS int8 / WASM SIMD int8:
 * 1,000 rows 0.66 / 0.57 / 0.10 ms; 10,000 rows 10.8 / 5.5 / 0.57 ms; 100,000 rows 103 / 52 / 13.7 ms.
 * Int8 wins from about 1,000 rows, but its index (quantise + copy into WASM memory) is rebuilt after
 * every append or remove, which costs more than a few exact scans; below 10,000 rows a scan is ≤ 10 ms.
 */
export const INT8_MIN_ROWS = 10_000;

/**
 * Pre-normalised vectors in one contiguous row-major Float32Array (`size * dims` floats, plus spare
 * capacity), each row named by a unique string id. Rows keep their insertion order; removing rows
 * compacts the array so it stays contiguous. Rows are not normalised here: store unit vectors.
 *
 * @example
 * const matrix = VectorMatrix.fromPacked(passageIds, vectors, 512);
 * matrix.scan(query, 10); // [{ index: 3, id: 'doc#3', score: 0.81 }, ...]
 */
export class VectorMatrix {
  /** Components per row. */
  readonly dims: number;
  private data: Float32Array;
  private rowIds: string[] = [];
  private readonly rowOf = new Map<string, number>();
  /** int8 search for {@link VectorMatrix.search}, built on demand and dropped whenever rows change. */
  private int8: Int8Searcher | undefined;
  private lastPath: SearchPath | undefined;

  /** An empty matrix with room for `capacity` rows before it grows. */
  constructor(dims: number, capacity = 0) {
    checkDims(dims);
    this.dims = dims;
    this.data = new Float32Array(capacity * dims);
  }

  /**
   * A matrix over already packed rows, e.g. the result of `readVectors`. Adopts `vectors`
   * without copying: do not modify it afterwards.
   *
   * @example
   * const { passageIds, dims, vectors } = await readVectors(db, modelId);
   * const matrix = VectorMatrix.fromPacked(passageIds, vectors, dims);
   */
  static fromPacked(ids: readonly string[], vectors: Float32Array, dims: number): VectorMatrix {
    const matrix = new VectorMatrix(dims);
    matrix.checkNewRows(ids, vectors);
    matrix.data = vectors;
    matrix.addIds(ids);
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

  /** The `size * dims` floats of all rows, as a view (shares memory; valid until the next append or remove). */
  get vectors(): Float32Array {
    return this.data.subarray(0, this.size * this.dims);
  }

  /** Row index of `id`, or `undefined` when absent. */
  indexOf(id: string): number | undefined {
    return this.rowOf.get(id);
  }

  /**
   * Appends rows (`ids.length * dims` floats, packed). Throws on a duplicate id; nothing is added then.
   *
   * @example
   * matrix.append(['doc#0', 'doc#1'], packVectors([v0, v1], matrix.dims));
   */
  append(ids: readonly string[], vectors: Float32Array): void {
    this.checkNewRows(ids, vectors);
    const start = this.size * this.dims;
    const needed = start + vectors.length;
    if (needed > this.data.length) {
      const grown = new Float32Array(Math.max(needed, 2 * this.data.length));
      grown.set(this.data.subarray(0, start));
      this.data = grown;
    }
    this.data.set(vectors, start);
    this.addIds(ids);
    this.int8 = undefined;
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
    const { dims } = this;
    const kept: string[] = [];
    this.rowIds.forEach((id, row) => {
      if (doomed.has(row)) {
        this.rowOf.delete(id);
        return;
      }
      const to = kept.length;
      if (to !== row) this.data.copyWithin(to * dims, row * dims, (row + 1) * dims);
      this.rowOf.set(id, to);
      kept.push(id);
    });
    this.rowIds = kept;
    this.int8 = undefined;
    return doomed.size;
  }

  /**
   * Exact top-k rows by dot product with `query` (bounded heap, no full sort), best first;
   * equal scores rank the lower row index first.
   *
   * @example
   * matrix.scan(l2normalize(queryVector), 10);
   */
  scan(query: Float32Array, k: number): ScoredRow[] {
    return scanTopK(this.data, this.dims, query, k, this.size).map((hit) => ({
      ...hit,
      id: this.rowIds[hit.index]!,
    }));
  }

  /**
   * The exact top-k, like {@link VectorMatrix.scan}, found faster on large matrices: from
   * {@link INT8_MIN_ROWS} rows it scans an int8 copy (WebAssembly SIMD, or JavaScript where that is
   * missing) and re-scores candidates exactly (same result).
   *
   * @example
   * matrix.search(queryVector, 10);
   */
  search(query: Float32Array, k: number): ScoredRow[] {
    if (this.size < INT8_MIN_ROWS) {
      this.lastPath = 'scan';
      return this.scan(query, k);
    }
    this.int8 ??= int8Searcher(this.vectors, this.dims);
    this.lastPath = this.int8.path;
    return this.int8.search(this.data, query, k).hits.map((hit) => ({
      ...hit,
      id: this.rowIds[hit.index]!,
    }));
  }

  /** The code that answered the latest {@link VectorMatrix.search}; undefined before the first. */
  get lastSearchPath(): SearchPath | undefined {
    return this.lastPath;
  }

  /** Throws unless `vectors` holds exactly one row per id and every id is new. */
  private checkNewRows(ids: readonly string[], vectors: Float32Array): void {
    const rows = rowCount(vectors, this.dims);
    if (rows !== ids.length) throw new RangeError(`vector: ${ids.length} ids for ${rows} rows`);
    const seen = new Set<string>();
    for (const id of ids) {
      if (this.rowOf.has(id) || seen.has(id)) throw new Error(`vector: duplicate row id ${id}`);
      seen.add(id);
    }
  }

  /** Registers ids for rows appended at the end; the caller has checked them with `checkNewRows`. */
  private addIds(ids: readonly string[]): void {
    for (const id of ids) {
      this.rowOf.set(id, this.rowIds.length);
      this.rowIds.push(id);
    }
  }
}
