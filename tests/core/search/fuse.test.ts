import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuseRankings, rankForMode, type RankedId } from '../../../src/core/search/fuse';

const ranking = (...ids: string[]): RankedId[] => ids.map((id, i) => ({ id, score: 1 - i / 10 }));

describe('fuseRankings', () => {
  it('puts a passage found by both rankings above ones found by either alone at equal ranks', () => {
    const fused = fuseRankings({ dense: ranking('d', 'both'), keyword: ranking('k', 'both') });
    expect(fused.map((h) => h.id)).toEqual(['both', 'd', 'k']);
    expect(fused[0]).toEqual({
      id: 'both',
      score: 2 / 62,
      denseRank: 2,
      keywordRank: 2,
      denseScore: 0.9,
      keywordScore: 0.9,
      foundBy: 'both',
    });
    expect(fused.map((h) => h.foundBy)).toEqual(['both', 'semantic', 'keyword']);
  });

  it('scores weight / (k + rank) and lets weights and k change the order', () => {
    const rankings = { dense: ranking('a', 'b'), keyword: ranking('b', 'a') };
    expect(fuseRankings(rankings, { k: 0 }).map((h) => h.score)).toEqual([1.5, 1.5]);
    expect(fuseRankings(rankings, { weights: { keyword: 2 } })[0]?.id).toBe('b');
    expect(fuseRankings(rankings, { weights: { dense: 2 } })[0]?.id).toBe('a');
    expect(fuseRankings({ dense: ranking('x'), keyword: [] }, { k: 10 })[0]?.score).toBeCloseTo(1 / 11);
  });

  it('breaks score ties by the better single rank, then by id', () => {
    // k = 0: 'solo' (dense rank 2) and 'pair' (rank 4 in both) both score 1/2.
    const rankings = {
      dense: ranking('d1', 'solo', 'd3', 'pair'),
      keyword: ranking('k1', 'k2', 'k3', 'pair'),
    };
    const fused = fuseRankings(rankings, { k: 0 });
    expect(fused.map((h) => h.id)).toEqual(['d1', 'k1', 'k2', 'solo', 'pair', 'd3', 'k3']);
  });

  it('keeps the best rank of a repeated id', () => {
    const fused = fuseRankings({ dense: ranking('a', 'a', 'b'), keyword: [] });
    expect(fused.map((h) => [h.id, h.denseRank])).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
  });

  it('rejects a negative k or weight', () => {
    expect(() => fuseRankings({ dense: [], keyword: [] }, { k: -1 })).toThrow('fuse: k must be');
    expect(() => fuseRankings({ dense: [], keyword: [] }, { weights: { dense: Number.NaN } })).toThrow(
      'fuse: weights must be',
    );
  });

  it('returns a permutation of the union of the inputs, sorted by score', () => {
    const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 7 });
    fc.assert(
      fc.property(ids, ids, fc.integer({ min: 0, max: 100 }), (dense, keyword, k) => {
        const fused = fuseRankings({ dense: ranking(...dense), keyword: ranking(...keyword) }, { k });
        const union = [...new Set([...dense, ...keyword])].sort();
        expect(fused.map((h) => h.id).sort()).toEqual(union);
        fused.slice(1).forEach((hit, i) => expect(hit.score).toBeLessThanOrEqual(fused[i]?.score ?? 0));
      }),
    );
  });
});

describe('rankForMode', () => {
  const rankings = { dense: ranking('a', 'b', 'c'), keyword: ranking('c', 'd') };

  it('fuses both rankings in hybrid mode', () => {
    expect(rankForMode('hybrid', rankings).map((h) => h.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('keeps one ranking in its own order in single modes, dropping nothing', () => {
    const semantic = rankForMode('semantic', rankings);
    expect(semantic.map((h) => h.id)).toEqual(['a', 'b', 'c']);
    expect(semantic.every((h) => h.foundBy === 'semantic' && h.keywordRank === undefined)).toBe(true);
    const keyword = rankForMode('keyword', rankings);
    expect(keyword.map((h) => [h.id, h.foundBy, h.keywordScore])).toEqual([
      ['c', 'keyword', 1],
      ['d', 'keyword', 0.9],
    ]);
  });
});
