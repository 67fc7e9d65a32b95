/**
 * Each query term's share of a passage's BM25 score, for the inspector's keyword side.
 */
import { normalizeForMatch } from '../text/script';
import { termScores, type KeywordIndex } from '../search/keyword-index';
import { queryTerms } from '../search/tokenize';

/** What one query term contributed to the score of each passage shown. */
export interface TermContribution {
  /** The query term (after normalisation and segmentation). */
  term: string;
  /** Its contribution per passage id, for the passages that contain it. */
  byPassage: Record<string, number>;
}

/**
 * Splits the BM25 scores of `ids` into per-term contributions, following the index's ranking
 * (`keyword-index.ts`): a passage scores the sum of its matched terms' BM25+ scores, the query's extra
 * one-character terms count only for passages its other terms found, and the sum is multiplied by the
 * number of terms matched when the ranking coordinates. So each term contributes its own score times that
 * count, and a passage's contributions add up to its score.
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
  const { ranking } = index;
  const normalized = normalizeForMatch(query);
  const base = queryTerms(normalized, { ...ranking, unigrams: ranking.queryUnigrams === 'match' });
  const rerank =
    ranking.queryUnigrams === 'rerank'
      ? queryTerms(normalized, { ...ranking, unigrams: true }).filter((term) => !base.includes(term))
      : [];
  const wanted = new Set(ids);
  const baseScores = base.map((term) => termScores(index, term, wanted));
  const foundByBase = new Set(baseScores.flatMap((scores) => [...scores.keys()]));
  const raw = [...baseScores, ...rerank.map((term) => termScores(index, term, foundByBase))];
  const matchedCount = new Map<string, number>();
  for (const scores of raw)
    for (const id of scores.keys()) matchedCount.set(id, (matchedCount.get(id) ?? 0) + 1);
  const factor = (id: string) => (ranking.coordination ? (matchedCount.get(id) ?? 1) : 1);
  return [...base, ...rerank].map((term, i) => ({
    term,
    byPassage: Object.fromEntries([...raw[i]!].map(([id, score]) => [id, score * factor(id)])),
  }));
}
