/**
 * BM25 keyword index over passages, a thin wrapper around MiniSearch with Chinese-aware terms
 * (see `tokenize.ts`). Pure data: persist it with {@link serializeKeywordIndex}.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { normalizeForMatch } from '../text/script';
import type { Passage } from '../types';
import { indexTerms, isLatinWord, queryTerms } from './tokenize';

/**
 * Ranking parameters. MiniSearch scores with BM25+: k1 = 1.2 (term-frequency saturation), b = 0.75
 * (length normalisation, the classic Robertson/Lucene value; MiniSearch's default is 0.7), d = 0.5 (the
 * BM25+ floor every matching term earns). MiniSearch then multiplies a passage's score by the number of
 * distinct query terms it matched, so passages covering more of the query win.
 */
const BM25 = { k: 1.2, b: 0.75, d: 0.5 };
const FORMAT = 'keyword-index';
const VERSION = 1;

const OPTIONS: Options<Passage> = {
  idField: 'id',
  fields: ['text'],
  storeFields: [],
  tokenize: (text) => indexTerms(normalizeForMatch(text)),
  processTerm: (term) => term,
  searchOptions: {
    tokenize: (query) => queryTerms(normalizeForMatch(query)),
    processTerm: (term) => term,
    combineWith: 'OR',
    bm25: BM25,
    // Latin words of 3+ characters also match longer terms (`ocr` → `ocrv5`, `deep` → `deepseek`),
    // 6+ letters tolerate one typo; MiniSearch down-weights both kinds of match.
    prefix: (term) => term.length >= 3 && isLatinWord(term),
    fuzzy: (term) => (term.length >= 6 && /^\p{L}+$/u.test(term) && isLatinWord(term) ? 1 : false),
  },
};

/** A keyword index: MiniSearch plus which passages belong to which document. */
export interface KeywordIndex {
  /** The MiniSearch instance (documents are passages, keyed by passage id). */
  readonly search: MiniSearch<Passage>;
  /** Passage ids per document id, for {@link removeDocument}. */
  readonly passagesByDoc: Map<string, Set<string>>;
}

/** One keyword hit. */
export interface KeywordHit {
  /** Passage id. */
  id: string;
  /** BM25+ score (higher is better; only comparable within one query). */
  score: number;
}

/**
 * Creates an empty keyword index.
 *
 * @example
 * const index = createKeywordIndex();
 */
export function createKeywordIndex(): KeywordIndex {
  return { search: new MiniSearch(OPTIONS), passagesByDoc: new Map() };
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
 * Returns the `k` best passages for a query, best first. Query terms are combined with OR; a query with
 * no usable term (empty, punctuation only) returns nothing.
 *
 * @example
 * searchKeyword(index, 'PP-OCRv5 參數', 5); // [{ id: 'doc-3#7', score: 41.2 }, ...]
 */
export function searchKeyword(index: KeywordIndex, query: string, k: number): KeywordHit[] {
  if (k <= 0) return [];
  return index.search
    .search(query)
    .slice(0, k)
    .map((result) => ({ id: String(result.id), score: result.score }));
}

interface SerializedKeywordIndex {
  format: typeof FORMAT;
  version: number;
  passagesByDoc: Record<string, string[]>;
  miniSearch: AsPlainObject;
}

/**
 * Serialises the index to a JSON string (for IndexedDB). The format carries a version: after a change of
 * tokenisation, {@link loadKeywordIndex} refuses old data so callers rebuild it.
 *
 * @example
 * await db.put('meta', serializeKeywordIndex(index), 'keyword-index');
 */
export function serializeKeywordIndex(index: KeywordIndex): string {
  const data: SerializedKeywordIndex = {
    format: FORMAT,
    version: VERSION,
    passagesByDoc: Object.fromEntries(Array.from(index.passagesByDoc, ([docId, ids]) => [docId, [...ids]])),
    miniSearch: index.search.toJSON(),
  };
  return JSON.stringify(data);
}

/**
 * Loads an index written by {@link serializeKeywordIndex}. Throws `keyword-index: ...` errors for data
 * that is not a keyword index or has another version (rebuild from the passages then).
 *
 * @example
 * const index = loadKeywordIndex(json);
 */
export function loadKeywordIndex(json: string): KeywordIndex {
  let data: Partial<SerializedKeywordIndex> | null;
  try {
    data = JSON.parse(json) as Partial<SerializedKeywordIndex> | null;
  } catch {
    throw new Error('keyword-index: not JSON');
  }
  if (data?.format !== FORMAT || data.miniSearch === undefined || data.passagesByDoc === undefined) {
    throw new Error('keyword-index: not a serialised keyword index');
  }
  if (data.version !== VERSION) {
    throw new Error(`keyword-index: unsupported version ${String(data.version)} (expected ${VERSION})`);
  }
  const passagesByDoc = new Map(
    Object.entries(data.passagesByDoc).map(([docId, ids]) => [docId, new Set(ids)]),
  );
  return { search: MiniSearch.loadJS(data.miniSearch, OPTIONS), passagesByDoc };
}
