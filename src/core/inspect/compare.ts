/**
 * Compares two rankings of the same query (one per model): how many passages both top-k lists share, and
 * where each passage moved. Pure; the inspector's "Compare models" tab renders what this returns.
 */

/** Where a passage went from ranking A to ranking B. */
export type RankMove =
  | { kind: 'same' }
  | { kind: 'up'; by: number }
  | { kind: 'down'; by: number }
  /** In B's top k only. */
  | { kind: 'new' }
  /** In A's top k only. */
  | { kind: 'dropped' };

/** One passage of either top-k list. */
export interface ComparedPassage {
  /** Passage id. */
  id: string;
  /** 1-based rank in A's top k, if it is there. */
  rankA?: number;
  /** 1-based rank in B's top k, if it is there. */
  rankB?: number;
  /** Its move from A to B. */
  move: RankMove;
}

/** Both top-k lists, each passage with its rank on both sides. */
export interface RankingComparison {
  /** The k compared. */
  k: number;
  /** Passages in both top-k lists (0…k). */
  overlap: number;
  /** A's top k in A's order. */
  a: ComparedPassage[];
  /** B's top k in B's order. */
  b: ComparedPassage[];
}

/** The first `k` distinct ids of a ranking, each with its 1-based rank. */
function topK(ids: readonly string[], k: number): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const id of ids) {
    if (ranks.size === k) break;
    if (!ranks.has(id)) ranks.set(id, ranks.size + 1);
  }
  return ranks;
}

function moveOf(rankA: number | undefined, rankB: number | undefined): RankMove {
  if (rankA === undefined) return { kind: 'new' };
  if (rankB === undefined) return { kind: 'dropped' };
  if (rankA === rankB) return { kind: 'same' };
  return rankB < rankA ? { kind: 'up', by: rankA - rankB } : { kind: 'down', by: rankB - rankA };
}

/**
 * Compares the top `k` of two rankings (passage ids, best first; a repeated id counts once, at its first
 * place). Lists shorter than `k` are compared as they are.
 *
 * @example
 * const c = compareRankings(['p1', 'p2', 'p3'], ['p2', 'p4', 'p1'], 3);
 * c.overlap; // 2
 * c.b.map((row) => row.move); // [{ kind: 'up', by: 1 }, { kind: 'new' }, { kind: 'down', by: 2 }]
 * c.a[2]; // { id: 'p3', rankA: 3, rankB: undefined, move: { kind: 'dropped' } }
 */
export function compareRankings(a: readonly string[], b: readonly string[], k = 10): RankingComparison {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`compare: k must be a positive integer, not ${k}`);
  const ranksA = topK(a, k);
  const ranksB = topK(b, k);
  const row = (id: string): ComparedPassage => {
    const rankA = ranksA.get(id);
    const rankB = ranksB.get(id);
    return { id, rankA, rankB, move: moveOf(rankA, rankB) };
  };
  return {
    k,
    overlap: [...ranksA.keys()].filter((id) => ranksB.has(id)).length,
    a: [...ranksA.keys()].map(row),
    b: [...ranksB.keys()].map(row),
  };
}
