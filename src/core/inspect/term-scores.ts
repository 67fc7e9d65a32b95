/**
 * One query term's BM25+ score in a few given passages, for the inspector's per-term split of the keyword
 * score. The shown hits are all it needs, so exact terms are read from the keyword index's own statistics
 * instead of searching the whole index once per term.
 */
import type MiniSearch from 'minisearch';
import type { Passage } from '../types';
import type { Bm25Parameters } from '../search/keyword-ranking';
import { isLatinWord } from '../search/tokenize';

/**
 * The statistics MiniSearch 7 keeps per term and per document (not its public API: a MiniSearch upgrade
 * may rename them, and `term-scores.test.ts` then fails, since it compares with MiniSearch's own scores).
 */
interface MiniSearchStatistics {
  /** Term → field id → short document id → term frequency. */
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  /** Short document id → distinct terms per field. */
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

/** MiniSearch's BM25+ of one term in one field of one document. */
function bm25(
  { k, b, d }: Bm25Parameters,
  frequency: number,
  documentFrequency: number,
  documents: number,
  length: number,
  averageLength: number,
): number {
  const idf = Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
  return idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength)));
}

/**
 * The score a search for `term` alone gives each of the passages `ids` that contain it (as MiniSearch
 * scores it: summed over fields, not yet multiplied by the number of terms matched). Latin words may match
 * other terms by prefix or with a typo, which only MiniSearch's search knows how to weigh, so for them it
 * searches, scoring only `ids`; every other term is an exact match, read from the index's statistics.
 *
 * @example
 * termScores(index.search, '开源', new Set(['doc#3', 'doc#9']), KEYWORD_RANKING.bm25);
 * // Map { 'doc#3' => 4.05 }
 */
export function termScores(
  search: MiniSearch<Passage>,
  term: string,
  ids: ReadonlySet<string>,
  parameters: Bm25Parameters,
): Map<string, number> {
  const scores = new Map<string, number>();
  if (isLatinWord(term)) {
    const only = (id: unknown) => (ids.has(String(id)) ? 1 : 0);
    for (const hit of search.search(term, { tokenize: (text) => [text], boostDocument: only }))
      scores.set(String(hit.id), hit.score);
    return scores;
  }
  const state = search as unknown as MiniSearchStatistics;
  const fields = state._index.get(term);
  if (!fields) return scores;
  for (const id of ids) {
    const short = state._idToShortId.get(id);
    if (short === undefined) continue;
    let score = 0;
    for (const field of Object.values(state._fieldIds)) {
      const postings = fields.get(field);
      const frequency = postings?.get(short);
      if (postings === undefined || frequency === undefined) continue;
      const length = state._fieldLength.get(short)?.[field] ?? 0;
      const average = state._avgFieldLength[field] ?? length;
      score += bm25(parameters, frequency, postings.size, search.documentCount, length, average);
    }
    if (score > 0) scores.set(id, score);
  }
  return scores;
}
