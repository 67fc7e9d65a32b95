/**
 * BM25 keyword index over passages, a thin wrapper around MiniSearch with Chinese-aware terms
 * (see `tokenize.ts`). Pure data: persist it in parts (`keyword-snapshot.ts`) or as one string
 * ({@link serializeKeywordIndex}, for `.ossindex` files).
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { normalizeForMatch } from '../text/script';
import type { Passage } from '../types';
import { KEYWORD_RANKING, type KeywordRanking } from './keyword-ranking';
import { CJK_CHAR, indexTerms, isLatinWord, queryTerms } from './tokenize';

/** The `format` of a serialised keyword index. */
export const KEYWORD_INDEX_FORMAT = 'keyword-index';
/** 2: no segmenter words, no stop-character unigrams (older saved indexes are rebuilt from the passages). */
export const KEYWORD_INDEX_VERSION = 2;

/** MiniSearch options that index and query terms the way `ranking` says. */
function miniSearchOptions(ranking: KeywordRanking): Options<Passage> {
  return {
    idField: 'id',
    fields: ['text'],
    storeFields: [],
    tokenize: (text) => indexTerms(normalizeForMatch(text), ranking),
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (query) =>
        queryTerms(normalizeForMatch(query), { ...ranking, unigrams: ranking.queryUnigrams === 'match' }),
      processTerm: (term) => term,
      combineWith: ranking.combineWith,
      bm25: ranking.bm25,
      // MiniSearch down-weights both kinds of inexact match.
      prefix: (term) => ranking.prefix && term.length >= 3 && isLatinWord(term),
      fuzzy: (term) =>
        ranking.fuzzy && term.length >= 6 && /^\p{L}+$/u.test(term) && isLatinWord(term) ? 1 : false,
    },
  };
}

/** A keyword index: MiniSearch plus which passages belong to which document. */
export interface KeywordIndex {
  /** The MiniSearch instance (documents are passages, keyed by passage id). */
  readonly search: MiniSearch<Passage>;
  /** Passage ids per document id, for {@link removeDocument}. */
  readonly passagesByDoc: Map<string, Set<string>>;
  /** How terms are made and passages scored. */
  readonly ranking: KeywordRanking;
}

/** One keyword hit. */
export interface KeywordHit {
  /** Passage id. */
  id: string;
  /** BM25+ score (higher is better; only comparable within one query). */
  score: number;
}

/**
 * Creates an empty keyword index; `ranking` other than the app's is for the evaluation's ablation.
 *
 * @example
 * const index = createKeywordIndex();
 */
export function createKeywordIndex(ranking: KeywordRanking = KEYWORD_RANKING): KeywordIndex {
  return { search: new MiniSearch(miniSearchOptions(ranking)), passagesByDoc: new Map(), ranking };
}

/**
 * Indexes passages. A passage whose id is already indexed replaces the old one.
 *
 * @example
 * addPassages(index, passages);
 */
export function addPassages(index: KeywordIndex, passages: readonly Passage[]): void {
  for (const passage of passages) {
    if (index.search.has(passage.id)) index.search.replace(passage);
    else index.search.add(passage);
    const ids = index.passagesByDoc.get(passage.docId) ?? new Set<string>();
    ids.add(passage.id);
    index.passagesByDoc.set(passage.docId, ids);
  }
}

/**
 * Removes every passage of a document (MiniSearch `discard`: no need for the old text) and returns how
 * many were removed.
 *
 * @example
 * removeDocument(index, 'doc-1'); // 12
 */
export function removeDocument(index: KeywordIndex, docId: string): number {
  const ids = index.passagesByDoc.get(docId);
  if (ids === undefined) return 0;
  for (const id of ids) index.search.discard(id);
  index.passagesByDoc.delete(docId);
  return ids.size;
}

/**
 * Returns the `k` best passages for a query, best first, scored as the index's ranking says (the app's:
 * BM25+ over bigrams, names and one-character runs combined with OR, times the number of terms matched,
 * with the query's other characters adding their BM25 share to the passages those terms found). A query
 * with no usable term (empty, punctuation only) returns nothing.
 *
 * @example
 * searchKeyword(index, 'PP-OCRv5 參數', 5); // [{ id: 'doc-3#7', score: 41.2 }, ...]
 */
export function searchKeyword(index: KeywordIndex, query: string, k: number): KeywordHit[] {
  if (k <= 0) return [];
  const { ranking } = index;
  const matched = index.search.search(query);
  const unigrams = ranking.queryUnigrams === 'rerank' ? rerankUnigrams(query, ranking) : [];
  if (ranking.coordination && unigrams.length === 0) return matched.slice(0, k).map(toHit);
  // MiniSearch multiplied each score by the number of distinct terms matched: keep the plain BM25 sum
  // and the count apart, add the unigrams' share, then multiply again only if the ranking says so.
  const sums = new Map(
    matched.map((result) => [
      result.id,
      { bm25: result.score / result.terms.length, terms: result.terms.length },
    ]),
  );
  if (unigrams.length > 0) {
    const candidate = (id: string): number => (sums.has(id) ? 1 : 0);
    const options = { tokenize: (text: string) => text.split(' '), boostDocument: candidate };
    for (const result of index.search.search(unigrams.join(' '), options)) {
      const sum = sums.get(result.id);
      if (sum) {
        sum.bm25 += result.score / result.terms.length;
        sum.terms += result.terms.length;
      }
    }
  }
  return Array.from(sums, ([id, sum]) => ({
    id: String(id),
    score: ranking.coordination ? sum.bm25 * sum.terms : sum.bm25,
  }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

function toHit(result: SearchResult): KeywordHit {
  return { id: String(result.id), score: result.score };
}

/** The CJK unigrams of a query that its bigrams and words do not already query. */
function rerankUnigrams(query: string, ranking: KeywordRanking): string[] {
  const normalized = normalizeForMatch(query);
  const base = new Set(queryTerms(normalized, { ...ranking, unigrams: false }));
  return queryTerms(normalized, { ...ranking, unigrams: true }).filter(
    (term) => !base.has(term) && CJK_CHAR.test(term),
  );
}

/** The index as plain data (what {@link serializeKeywordIndex} writes as JSON). */
export interface SerializedKeywordIndex {
  /** Always {@link KEYWORD_INDEX_FORMAT}. */
  format: typeof KEYWORD_INDEX_FORMAT;
  /** {@link KEYWORD_INDEX_VERSION} when written. */
  version: number;
  /** Passage ids per document id. */
  passagesByDoc: Record<string, string[]>;
  /** MiniSearch's plain object (`toJSON()`). */
  miniSearch: AsPlainObject;
}

/**
 * Serialises the index to a JSON string (for an `.ossindex` file; the database stores it in parts, see
 * `keyword-snapshot.ts`). The format carries a version: after a change of tokenisation,
 * {@link loadKeywordIndex} refuses old data so callers rebuild it.
 *
 * @example
 * const json = serializeKeywordIndex(index);
 */
export function serializeKeywordIndex(index: KeywordIndex): string {
  const data: SerializedKeywordIndex = {
    format: KEYWORD_INDEX_FORMAT,
    version: KEYWORD_INDEX_VERSION,
    passagesByDoc: Object.fromEntries(Array.from(index.passagesByDoc, ([docId, ids]) => [docId, [...ids]])),
    miniSearch: index.search.toJSON(),
  };
  return JSON.stringify(data);
}

/**
 * Parses what {@link serializeKeywordIndex} wrote, without building the index. Throws `keyword-index: ...`
 * errors for data that is not a keyword index.
 *
 * @example
 * const data = parseKeywordIndex(json);
 */
export function parseKeywordIndex(json: string): SerializedKeywordIndex {
  let data: Partial<SerializedKeywordIndex> | null;
  try {
    data = JSON.parse(json) as Partial<SerializedKeywordIndex> | null;
  } catch {
    throw new Error('keyword-index: not JSON');
  }
  if (
    data?.format !== KEYWORD_INDEX_FORMAT ||
    data.miniSearch === undefined ||
    data.passagesByDoc === undefined
  ) {
    throw new Error('keyword-index: not a serialised keyword index');
  }
  return data as SerializedKeywordIndex;
}

/**
 * Builds the index from its plain data. Throws a `keyword-index: ...` error for another version (rebuild
 * from the passages then).
 *
 * @example
 * const index = restoreKeywordIndex(parseKeywordIndex(json));
 */
export function restoreKeywordIndex(data: SerializedKeywordIndex): KeywordIndex {
  if (data.version !== KEYWORD_INDEX_VERSION) {
    throw new Error(
      `keyword-index: unsupported version ${String(data.version)} (expected ${KEYWORD_INDEX_VERSION})`,
    );
  }
  const passagesByDoc = new Map(
    Object.entries(data.passagesByDoc).map(([docId, ids]) => [docId, new Set(ids)]),
  );
  return {
    search: MiniSearch.loadJS(data.miniSearch, miniSearchOptions(KEYWORD_RANKING)),
    passagesByDoc,
    ranking: KEYWORD_RANKING,
  };
}

/**
 * Loads an index written by {@link serializeKeywordIndex}. Throws `keyword-index: ...` errors for data
 * that is not a keyword index or has another version (rebuild from the passages then).
 *
 * @example
 * const index = loadKeywordIndex(json);
 */
export function loadKeywordIndex(json: string): KeywordIndex {
  return restoreKeywordIndex(parseKeywordIndex(json));
}
