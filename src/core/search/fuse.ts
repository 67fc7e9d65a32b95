/**
 * Reciprocal rank fusion of the dense (semantic) and keyword (BM25) rankings, and the final ranking
 * for each search mode.
 */

/** One entry of an input ranking. Rankings are best first; the position, not the score, is fused. */
export interface RankedId {
  /** Passage id. */
  id: string;
  /** The ranking's own score (cosine similarity or BM25), kept for display. */
  score: number;
}

/** The two rankings to fuse, each best first. */
export interface Rankings {
  /** Dense (embedding) ranking. */
  dense: readonly RankedId[];
  /** Keyword (BM25) ranking. */
  keyword: readonly RankedId[];
}

/** Which ranking(s) found a fused hit. */
export type FoundBy = 'semantic' | 'keyword' | 'both';

/** One fused hit. Ranks are 1-based; a rank and score are present when that ranking found the hit. */
export interface FusedHit {
  /** Passage id. */
  id: string;
  /** Fused RRF score: the sum over rankings of `weight / (k + rank)`. */
  score: number;
  /** Rank in the dense ranking. */
  denseRank?: number;
  /** Rank in the keyword ranking. */
  keywordRank?: number;
  /** Dense score (cosine similarity). */
  denseScore?: number;
  /** Keyword score (BM25). */
  keywordScore?: number;
  /** Which ranking(s) found it. */
  foundBy: FoundBy;
}

/** Fusion options. */
export interface FuseOptions {
  /**
   * The RRF constant `k` in `1 / (k + rank)`. 60 is the value of Cormack, Clarke & Büttcher (SIGIR 2009),
   * which worked well across collections: it damps the difference between the top ranks (1/61 vs 1/62),
   * so a passage ranked well by both rankings beats one ranked first by only one of them. Smaller `k`
   * trusts each ranking's top hit more. Default 60.
   */
  k?: number;
  /**
   * Multiplies each ranking's contribution (default 1 each). For example `{ keyword: 0.5 }` halves the
   * keyword vote; weight 0 keeps that ranking's hits in the output with no score from it.
   */
  weights?: { dense?: number; keyword?: number };
}

/** Search mode chosen by the user. */
export type SearchMode = 'hybrid' | 'semantic' | 'keyword';

const DEFAULT_K = 60;

function checkOptions(k: number, weights: readonly number[]): void {
  if (!(k >= 0) || !Number.isFinite(k)) throw new Error(`fuse: k must be a finite number >= 0, got ${k}`);
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w))
      throw new Error(`fuse: weights must be finite numbers >= 0, got ${w}`);
  }
}

/**
 * Fuses the dense and keyword rankings with reciprocal rank fusion: every hit scores
 * `Σ weight / (k + rank)` over the rankings that contain it. The output holds every id of either input
 * exactly once (a repeated id keeps its best rank), best first; ties go to the better single rank, then
 * to the id. Nothing is dropped: there is no score threshold.
 *
 * @example
 * fuseRankings({ dense: [{ id: 'a', score: 0.8 }, { id: 'b', score: 0.7 }], keyword: [{ id: 'b', score: 12 }] });
 * // [{ id: 'b', foundBy: 'both', score: 1/62 + 1/61, ... }, { id: 'a', foundBy: 'semantic', score: 1/61, ... }]
 */
export function fuseRankings(rankings: Rankings, options: FuseOptions = {}): FusedHit[] {
  const k = options.k ?? DEFAULT_K;
  const denseWeight = options.weights?.dense ?? 1;
  const keywordWeight = options.weights?.keyword ?? 1;
  checkOptions(k, [denseWeight, keywordWeight]);
  const hits = new Map<string, FusedHit>();
  rankings.dense.forEach(({ id, score }, i) => {
    if (hits.has(id)) return;
    hits.set(id, {
      id,
      score: denseWeight / (k + i + 1),
      denseRank: i + 1,
      denseScore: score,
      foundBy: 'semantic',
    });
  });
  rankings.keyword.forEach(({ id, score }, i) => {
    const hit = hits.get(id);
    if (hit?.keywordRank !== undefined) return;
    const contribution = keywordWeight / (k + i + 1);
    if (hit === undefined) {
      hits.set(id, { id, score: contribution, keywordRank: i + 1, keywordScore: score, foundBy: 'keyword' });
    } else {
      Object.assign(hit, {
        score: hit.score + contribution,
        keywordRank: i + 1,
        keywordScore: score,
        foundBy: 'both',
      });
    }
  });
  const bestRank = (hit: FusedHit): number =>
    Math.min(hit.denseRank ?? Infinity, hit.keywordRank ?? Infinity);
  return [...hits.values()].sort(
    (a, b) => b.score - a.score || bestRank(a) - bestRank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The final ranking for a search mode: `hybrid` fuses both rankings, `semantic` and `keyword` use one of
 * them alone (in its own order, scored `1 / (k + rank)` so scores mean the same thing in every mode).
 *
 * @example
 * rankForMode('keyword', { dense, keyword }).map((h) => h.id); // keyword ids in BM25 order
 */
export function rankForMode(mode: SearchMode, rankings: Rankings, options: FuseOptions = {}): FusedHit[] {
  switch (mode) {
    case 'hybrid':
      return fuseRankings(rankings, options);
    case 'semantic':
      return fuseRankings({ dense: rankings.dense, keyword: [] }, options);
    case 'keyword':
      return fuseRankings({ dense: [], keyword: rankings.keyword }, options);
  }
}
