import { describe, expect, it } from 'vitest';
import { compareRankings } from '../../../src/core/inspect/compare';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('compareRankings', () => {
  it('gives overlap k and no moves for identical lists', () => {
    const list = ids('p', 10);
    const c = compareRankings(list, list, 10);
    expect(c.overlap).toBe(10);
    expect(c.a.map((row) => [row.rankA, row.rankB])).toEqual(list.map((_, i) => [i + 1, i + 1]));
    expect(new Set([...c.a, ...c.b].map((row) => row.move.kind))).toEqual(new Set(['same']));
  });

  it('gives overlap 0 for disjoint lists: A all dropped, B all new', () => {
    const c = compareRankings(ids('a', 10), ids('b', 10), 10);
    expect(c.overlap).toBe(0);
    expect(c.a.every((row) => row.move.kind === 'dropped' && row.rankB === undefined)).toBe(true);
    expect(c.b.every((row) => row.move.kind === 'new' && row.rankA === undefined)).toBe(true);
  });

  it('says how far each shared passage moved, the same on both sides', () => {
    const c = compareRankings(['p1', 'p2', 'p3', 'p4'], ['p3', 'p1', 'p5', 'p2'], 4);
    expect(c.overlap).toBe(3);
    expect(c.b.map((row) => row.move)).toEqual([
      { kind: 'up', by: 2 },
      { kind: 'down', by: 1 },
      { kind: 'new' },
      { kind: 'down', by: 2 },
    ]);
    expect(c.a.map((row) => row.rankB)).toEqual([2, 4, 1, undefined]);
    expect(c.a[3]!.move).toEqual({ kind: 'dropped' });
    expect(c.a[0]!.move).toEqual(c.b[1]!.move);
  });

  it('looks only at the top k: a passage below k on one side counts as new or dropped', () => {
    const c = compareRankings(['p1', 'p2', 'p3'], ['p2', 'p4', 'p1'], 2);
    expect(c.overlap).toBe(1);
    expect(c.a.map((row) => row.id)).toEqual(['p1', 'p2']);
    expect(c.a[0]!.move).toEqual({ kind: 'dropped' });
    expect(c.b[1]!.move).toEqual({ kind: 'new' });
  });

  it('compares lists with fewer than k results as they are', () => {
    const c = compareRankings(['p1', 'p2', 'p3'], ['p3'], 10);
    expect(c.overlap).toBe(1);
    expect(c.a).toHaveLength(3);
    expect(c.b).toEqual([{ id: 'p3', rankA: 3, rankB: 1, move: { kind: 'up', by: 2 } }]);
    expect(compareRankings([], [], 10)).toEqual({ k: 10, overlap: 0, a: [], b: [] });
    expect(compareRankings(['p1'], [], 10).a[0]!.move).toEqual({ kind: 'dropped' });
  });

  it('counts a repeated id once, at its first place', () => {
    const c = compareRankings(['p1', 'p1', 'p2'], ['p2', 'p1'], 2);
    expect(c.a.map((row) => row.id)).toEqual(['p1', 'p2']);
    expect(c.overlap).toBe(2);
  });

  it('refuses a k that is not a positive integer', () => {
    expect(() => compareRankings(['p1'], ['p1'], 0)).toThrow(/k must be a positive integer/);
    expect(() => compareRankings(['p1'], ['p1'], 2.5)).toThrow(/k must be a positive integer/);
  });
});
