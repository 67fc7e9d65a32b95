import { describe, expect, it } from 'vitest';
import { fusionTable } from '../../../src/core/inspect/fusion-table';
import { fuseRankings } from '../../../src/core/search/fuse';

describe('fusionTable', () => {
  it("splits every fused score into the two sides' RRF contributions that sum to it", () => {
    const fused = fuseRankings({
      dense: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, score: 0.9 - i / 10 })),
      keyword: ['c', 'e', 'a'].map((id, i) => ({ id, score: 10 - i })),
    });
    const rows = fusionTable(fused);
    expect(rows.map((row) => row.id)).toEqual(fused.map((hit) => hit.id));
    for (const row of rows) {
      expect(row.denseContribution + row.keywordContribution).toBeCloseTo(row.fused, 12);
    }
    const a = rows.find((row) => row.id === 'a')!;
    expect(a).toMatchObject({
      denseRank: 1,
      keywordRank: 3,
      denseContribution: 1 / 61,
      keywordContribution: 1 / 63,
    });
    expect(rows.find((row) => row.id === 'e')!.denseContribution).toBe(0);
    expect(rows.map((row) => row.finalRank)).toEqual([1, 2, 3, 4, 5]);
  });
});
