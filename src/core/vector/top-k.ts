/**
 * Bounded top-k selection: a min-heap of size k whose root is the worst kept candidate,
 * so each offer costs O(1) when it loses and O(log k) when it wins. No full sort of the input.
 */

/** A row of a matrix with its score. */
export interface ScoredIndex {
  /** Row index in the matrix, from 0. */
  index: number;
  /** Dot product with the query. */
  score: number;
}

/**
 * The ranking order used everywhere in search: higher score first, and on equal scores the lower index first.
 *
 * @example
 * ranksBefore(0.5, 7, 0.5, 9); // true: same score, lower index
 */
export function ranksBefore(scoreA: number, indexA: number, scoreB: number, indexB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && indexA < indexB);
}

/**
 * Keeps the best `k` of the (index, score) pairs offered to it, ranked by {@link ranksBefore}.
 * Storage is preallocated; `offer` allocates nothing.
 *
 * @example
 * const top = new TopK(2);
 * top.offer(0, 0.1); top.offer(1, 0.9); top.offer(2, 0.5);
 * top.results(); // [{ index: 1, score: 0.9 }, { index: 2, score: 0.5 }]
 */
export class TopK {
  /** How many results are kept at most. */
  readonly k: number;
  private readonly scores: Float64Array;
  private readonly indices: Float64Array;
  private count = 0;

  constructor(k: number) {
    if (!Number.isInteger(k) || k < 0)
      throw new RangeError(`vector: k must be a non-negative integer, got ${k}`);
    this.k = k;
    this.scores = new Float64Array(k);
    this.indices = new Float64Array(k);
  }

  /** Number of results kept so far (at most `k`). */
  get size(): number {
    return this.count;
  }

  /**
   * Score a candidate must reach to have a chance of entering: `-Infinity` until `k` results are kept,
   * then the worst kept score. Lets hot loops skip `offer` cheaply.
   */
  get threshold(): number {
    return this.count < this.k ? -Infinity : this.scores[0]!;
  }

  /** Offers a candidate; it is kept if it ranks before the worst kept one (or there is room). */
  offer(index: number, score: number): void {
    if (this.count < this.k) {
      this.siftUp(this.count++, index, score);
    } else if (this.k > 0 && ranksBefore(score, index, this.scores[0]!, this.indices[0]!)) {
      this.siftDown(index, score);
    }
  }

  /** The kept results, best first (a new array; the heap is unchanged). */
  results(): ScoredIndex[] {
    const out: ScoredIndex[] = [];
    for (let i = 0; i < this.count; i++) out.push({ index: this.indices[i]!, score: this.scores[i]! });
    return out.sort((a, b) => (ranksBefore(a.score, a.index, b.score, b.index) ? -1 : 1));
  }

  /** Places a new entry at `hole` and moves it up while it ranks after its parent (worse goes to the root). */
  private siftUp(hole: number, index: number, score: number): void {
    const { scores, indices } = this;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      if (!ranksBefore(scores[parent]!, indices[parent]!, score, index)) break;
      scores[hole] = scores[parent]!;
      indices[hole] = indices[parent]!;
      hole = parent;
    }
    scores[hole] = score;
    indices[hole] = index;
  }

  /** Replaces the root with a new entry and moves it down below any worse child. */
  private siftDown(index: number, score: number): void {
    const { scores, indices, count } = this;
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= count) break;
      const right = child + 1;
      if (right < count && ranksBefore(scores[child]!, indices[child]!, scores[right]!, indices[right]!)) {
        child = right;
      }
      if (!ranksBefore(score, index, scores[child]!, indices[child]!)) break;
      scores[hole] = scores[child]!;
      indices[hole] = indices[child]!;
      hole = child;
    }
    scores[hole] = score;
    indices[hole] = index;
  }
}
