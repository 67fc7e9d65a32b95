/**
 * Each query term's share of a passage's BM25 score, for the inspector's keyword side.
 */
import { normalizeForMatch } from '../text/script';
import type { KeywordIndex } from '../search/keyword-index';
import { queryTerms } from '../search/tokenize';

/** What one query term contributed to the score of each passage shown. */
export interface TermContribution {
  /** The query term (after normalisation and segmentation). */
  term: string;
  /** Its contribution per passage id, for the passages that contain it. */
  byPassage: Record<string, number>;
}

/**
 * Splits the BM25 scores of `ids` into per-term contributions. MiniSearch scores a passage as the sum of
 * its matched terms' BM25+ scores times the number of query terms it matched, so each term contributes
 * its own score times that count, and a passage's contributions add up to its score.
 *
 * @example
 * termContributions(index, '开源模型', ['doc#3']);
 * // [{ term: '开源', byPassage: { 'doc#3': 8.1 } }, { term: '源模', byPassage: {} }, ...]
 */
export function termContributions(
  index: KeywordIndex,
  query: string,
  ids: readonly string[],
): TermContribution[] {
  const wanted = new Set(ids);
  const terms = queryTerms(normalizeForMatch(query));
  const raw = terms.map((term) => {
    const scores = new Map<string, number>();
    for (const hit of index.search.search(term, { tokenize: (text) => [text] })) {
      if (wanted.has(String(hit.id))) scores.set(String(hit.id), hit.score);
    }
    return scores;
  });
  const matchedCount = new Map<string, number>();
  for (const scores of raw)
    for (const id of scores.keys()) matchedCount.set(id, (matchedCount.get(id) ?? 0) + 1);
  return terms.map((term, i) => ({
    term,
    byPassage: Object.fromEntries(
      [...raw[i]!].map(([id, score]) => [id, score * (matchedCount.get(id) ?? 1)]),
    ),
  }));
}
