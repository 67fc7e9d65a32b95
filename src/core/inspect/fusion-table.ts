/**
 * The fusion table: for each fused hit, what each ranking contributed to its reciprocal-rank score.
 */
import type { FusedHit } from '../search/fuse';

/** The RRF constant the app fuses with (see `FuseOptions.k`). */
export const RRF_K = 60;

/** One row of the fusion table. */
export interface FusionRow {
  /** Passage id. */
  id: string;
  /** Final position, from 1. */
  finalRank: number;
  /** Rank in the dense ranking, when it found the passage. */
  denseRank?: number;
  /** Rank in the keyword ranking, when it found the passage. */
  keywordRank?: number;
  /** `1 / (k + denseRank)`, or 0. */
  denseContribution: number;
  /** `1 / (k + keywordRank)`, or 0. */
  keywordContribution: number;
  /** The fused score the ranking used. */
  fused: number;
}

/**
 * Splits each fused score into the dense and keyword contributions (`1 / (k + rank)` each), which add up to
 * the fused score of equal-weight RRF.
 *
 * @example
 * fusionTable([{ id: 'a', score: 1/61 + 1/63, denseRank: 1, keywordRank: 3, foundBy: 'both' }]);
 * // [{ id: 'a', finalRank: 1, denseContribution: 1/61, keywordContribution: 1/63, fused: 1/61 + 1/63, ... }]
 */
export function fusionTable(hits: readonly FusedHit[], k = RRF_K): FusionRow[] {
  const share = (rank: number | undefined): number => (rank === undefined ? 0 : 1 / (k + rank));
  return hits.map((hit, i) => ({
    id: hit.id,
    finalRank: i + 1,
    denseRank: hit.denseRank,
    keywordRank: hit.keywordRank,
    denseContribution: share(hit.denseRank),
    keywordContribution: share(hit.keywordRank),
    fused: hit.score,
  }));
}
