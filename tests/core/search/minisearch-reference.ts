/**
 * The reference the keyword index is checked against: MiniSearch 7 with the options the app used while its
 * index was MiniSearch's (same terms, BM25+ parameters, prefix and typo rules). Tests only.
 */
import MiniSearch from 'minisearch';
import { KEYWORD_RANKING } from '../../../src/core/search/keyword-ranking';
import { indexTerms, isLatinWord, queryTerms } from '../../../src/core/search/tokenize';
import { normalizeForMatch } from '../../../src/core/text/script';
import type { Passage } from '../../../src/core/types';

/** A MiniSearch index of `passages` as the app configured it. */
export function referenceIndex(passages: readonly Passage[]): MiniSearch<Passage> {
  const ranking = KEYWORD_RANKING;
  const search = new MiniSearch<Passage>({
    idField: 'id',
    fields: ['text'],
    storeFields: [],
    tokenize: (text) => indexTerms(normalizeForMatch(text), ranking),
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (query) => queryTerms(normalizeForMatch(query), { ...ranking, unigrams: false }),
      processTerm: (term) => term,
      combineWith: ranking.combineWith,
      bm25: ranking.bm25,
      prefix: (term) => ranking.prefix && term.length >= 3 && isLatinWord(term),
      fuzzy: (term) =>
        ranking.fuzzy && term.length >= 6 && /^\p{L}+$/u.test(term) && isLatinWord(term) ? 1 : false,
    },
  });
  search.addAll(passages);
  return search;
}

/** MiniSearch's score of one term alone in each passage that has it (exact, prefix and typo matches). */
export function referenceTermScores(search: MiniSearch<Passage>, term: string): Map<string, number> {
  return new Map(
    search.search(term, { tokenize: (text) => [text] }).map((hit) => [String(hit.id), hit.score]),
  );
}
