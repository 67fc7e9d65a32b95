/**
 * BM25+ keyword index over passages, with Chinese-aware terms (see `tokenize.ts`) and packed postings
 * (`postings.ts`). Scores are MiniSearch's (the library the index was built on until it outgrew it at
 * 100,000+ passages; its tests still compare with it): BM25+ per term over the passage's distinct terms,
 * Latin words also matching by prefix and with one typo at lower weights. Persist it with
 * `keyword-snapshot.ts`.
 */
import { normalizeForMatch } from '../text/script';
import { TopK } from '../vector/top-k';
import type { Passage } from '../types';
import { KEYWORD_RANKING, type Bm25Parameters, type KeywordRanking } from './keyword-ranking';
import { Postings } from './postings';
import { CJK_CHAR, indexTerms, isLatinWord, queryTerms } from './tokenize';
import { fuzzyMatches, prefixMatches, wordList, type WordList } from './word-matches';

/** A keyword index: packed postings plus which passages belong to which document. */
export interface KeywordIndex {
  /** Term dictionary and postings; passages are keyed by passage id. */
  readonly postings: Postings;
  /** Passage ids per document id, for {@link removeDocument}. */
  readonly passagesByDoc: Map<string, Set<string>>;
  /** How terms are made and passages scored. */
  readonly ranking: KeywordRanking;
  /** The terms prefix and typo matching look through, rebuilt when the dictionary grows. */
  words?: { generation: number; list: WordList };
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
  return { postings: new Postings(), passagesByDoc: new Map(), ranking };
}

/**
 * Indexes passages. A passage whose id is already indexed replaces the old one.
 *
 * @example
 * addPassages(index, passages);
 */
export function addPassages(index: KeywordIndex, passages: readonly Passage[]): void {
  const { postings, ranking } = index;
  for (const passage of passages) {
    postings.remove(passage.id);
    postings.add(passage.id, indexTerms(normalizeForMatch(passage.text), ranking));
    const ids = index.passagesByDoc.get(passage.docId) ?? new Set<string>();
    ids.add(passage.id);
    index.passagesByDoc.set(passage.docId, ids);
  }
  if (postings.needsFreeze()) postings.freeze();
}

/**
 * Removes every passage of a document and returns how many were removed.
 *
 * @example
 * removeDocument(index, 'doc-1'); // 12
 */
export function removeDocument(index: KeywordIndex, docId: string): number {
  const ids = index.passagesByDoc.get(docId);
  if (ids === undefined) return 0;
  for (const id of ids) index.postings.remove(id);
  index.passagesByDoc.delete(docId);
  if (index.postings.needsFreeze()) index.postings.freeze();
  return ids.size;
}

/** MiniSearch's BM25+ of one term in one passage. */
function bm25(
  { k, b, d }: Bm25Parameters,
  frequency: number,
  idf: number,
  length: number,
  averageLength: number,
): number {
  return idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength)));
}

function wordsOf(index: KeywordIndex): WordList {
  const { generation } = index.postings;
  if (index.words?.generation !== generation)
    index.words = { generation, list: wordList(index.postings.terms((first) => !CJK_CHAR.test(first))) };
  return index.words.list;
}

/** The index terms a query term matches, with weights: itself, and for Latin words their prefix and typo matches. */
function derivedTerms(index: KeywordIndex, term: string): { term: string; weight: number }[] {
  const { ranking } = index;
  const exact = [{ term, weight: 1 }];
  const prefix = ranking.prefix && term.length >= 3 && isLatinWord(term);
  const fuzzy = ranking.fuzzy && term.length >= 6 && /^\p{L}+$/u.test(term) && isLatinWord(term);
  if (!prefix && !fuzzy) return exact;
  const words = wordsOf(index);
  const byPrefix = prefix ? prefixMatches(words, term) : [];
  const byTypo = fuzzy ? fuzzyMatches(words, term, new Set(byPrefix.map((match) => match.term))) : [];
  return [...exact, ...byPrefix, ...byTypo];
}

/**
 * Per-slot sums of one search: each query term's score is summed apart, then added to the total, and the
 * query terms a slot matched are counted (MiniSearch's order of additions, so equal inputs give equal scores).
 */
class Scores {
  readonly total: Float64Array;
  readonly matched: Uint16Array;
  /** Slots in the order they were first scored (ties rank in that order). */
  readonly order: number[] = [];
  private readonly term: Float64Array;
  private readonly touched: number[] = [];

  constructor(slots: number) {
    this.total = new Float64Array(slots);
    this.matched = new Uint16Array(slots);
    this.term = new Float64Array(slots);
  }

  /** Adds to the current term's score of a slot. */
  add(slot: number, score: number): void {
    if (this.term[slot] === 0) this.touched.push(slot);
    this.term[slot] = this.term[slot]! + score;
  }

  /** Ends the current term: its scores go into the totals. */
  endTerm(): void {
    for (const slot of this.touched) {
      if (this.matched[slot] === 0) this.order.push(slot);
      this.total[slot] = this.total[slot]! + this.term[slot]!;
      this.matched[slot] = this.matched[slot]! + 1;
      this.term[slot] = 0;
    }
    this.touched.length = 0;
  }
}

/** Scores one query term (and its inexact matches) into `scores`, for the slots `accept` lets through. */
function scoreTerm(
  index: KeywordIndex,
  term: string,
  scores: Scores,
  accept?: (slot: number) => boolean,
): void {
  const { postings, ranking } = index;
  const documents = postings.passageCount;
  const average = postings.averageLength;
  for (const derived of derivedTerms(index, term)) {
    const lists = postings.postingsOf(derived.term);
    let live = lists[0].slots.length + lists[1].slots.length;
    if (postings.removedCount > 0)
      for (const list of lists)
        for (let i = 0; i < list.slots.length; i++) if (postings.isDead(list.slots[i]!)) live--;
    if (live === 0) continue;
    const idf = Math.log(1 + (documents - live + 0.5) / (live + 0.5));
    for (const { slots, frequencies } of lists) {
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (postings.isDead(slot) || (accept && !accept(slot))) continue;
        const score = bm25(ranking.bm25, frequencies[i]!, idf, postings.lengthAt(slot), average);
        scores.add(slot, derived.weight * score);
      }
    }
  }
  scores.endTerm();
}

/** The query's base terms and its CJK unigrams that only rerank (when the ranking says so). */
function searchTerms(ranking: KeywordRanking, query: string): { base: string[]; rerank: string[] } {
  const normalized = normalizeForMatch(query);
  const base = queryTerms(normalized, { ...ranking, unigrams: ranking.queryUnigrams === 'match' });
  if (ranking.queryUnigrams !== 'rerank') return { base, rerank: [] };
  const known = new Set(base);
  const rerank = queryTerms(normalized, { ...ranking, unigrams: true }).filter(
    (term) => !known.has(term) && CJK_CHAR.test(term),
  );
  return { base, rerank };
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
  const { ranking, postings } = index;
  const { base, rerank } = searchTerms(ranking, query);
  const scores = new Scores(postings.slotCount);
  for (const term of base) scoreTerm(index, term, scores);
  const all = ranking.combineWith === 'AND' ? base.length : 1;
  const candidate = (slot: number) => scores.matched[slot]! >= all;
  for (const term of rerank) scoreTerm(index, term, scores, candidate);
  const top = new TopK(k);
  scores.order.forEach((slot, rank) => {
    if (!candidate(slot)) return;
    const sum = scores.total[slot]!;
    top.offer(rank, ranking.coordination ? sum * scores.matched[slot]! : sum);
  });
  return top.results().map(({ index: rank, score }) => ({ id: postings.idAt(scores.order[rank]!), score }));
}

/**
 * The score a search for `term` alone gives each of the passages `ids` that contain it (BM25+, prefix and
 * typo matches included for Latin words; not multiplied by the number of terms matched), for the
 * inspector's per-term split.
 *
 * @example
 * termScores(index, '开源', new Set(['doc#3', 'doc#9'])); // Map { 'doc#3' => 4.05 }
 */
export function termScores(index: KeywordIndex, term: string, ids: ReadonlySet<string>): Map<string, number> {
  const { postings } = index;
  const wanted = new Set<number>();
  for (const id of ids) {
    const slot = postings.slot(id);
    if (slot !== undefined) wanted.add(slot);
  }
  const scores = new Scores(postings.slotCount);
  scoreTerm(index, term, scores, (slot) => wanted.has(slot));
  return new Map(scores.order.map((slot) => [postings.idAt(slot), scores.total[slot]!]));
}
