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
import { KEYWORD_RANKING, type KeywordRanking } from './keyword-ranking';
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

  /**
   * Adds to the current term's score of a slot. A term matched through one index term only (`alone`) adds
   * each slot once, so its score goes straight into the total (the same sum, without the second pass).
   */
  add(slot: number, score: number, alone: boolean): void {
    if (alone) {
      if (this.matched[slot] === 0) this.order.push(slot);
      this.total[slot] = this.total[slot]! + score;
      this.matched[slot] = this.matched[slot]! + 1;
      return;
    }
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

/** The first position in `slots` at or after `from` whose slot is not below `slot` (slots ascend). */
function lowerBound(slots: ArrayLike<number>, slot: number, from: number): number {
  let low = from;
  let high = slots.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (slots[middle]! < slot) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Scores one query term (and its inexact matches) into `scores`; with `only` (slots, ascending), just those
 * slots, found by binary search so a long posting list costs little when few passages are asked about.
 */
function scoreTerm(index: KeywordIndex, term: string, scores: Scores, only?: ArrayLike<number>): void {
  const { postings, ranking } = index;
  const documents = postings.passageCount;
  const average = postings.averageLength;
  const { k, b, d } = ranking.bm25;
  const derived = derivedTerms(index, term);
  const alone = derived.length === 1;
  const score = (frequency: number, idf: number, slot: number, weight: number) =>
    scores.add(
      slot,
      weight *
        idf *
        (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * postings.lengthAt(slot)) / average))),
      alone,
    );
  for (const { term: match, weight } of derived) {
    const lists = postings.postingsOf(match);
    let live = lists[0].slots.length + lists[1].slots.length;
    if (postings.removedCount > 0)
      for (const list of lists)
        for (let i = 0; i < list.slots.length; i++) if (postings.isDead(list.slots[i]!)) live--;
    if (live === 0) continue;
    const idf = Math.log(1 + (documents - live + 0.5) / (live + 0.5));
    for (const { slots, frequencies } of lists) {
      if (only) {
        // Few slots asked about a long list: binary search; otherwise walk both ascending lists together.
        const search = only.length * 16 < slots.length;
        let at = 0;
        for (let j = 0; j < only.length && at < slots.length; j++) {
          const slot = only[j]!;
          if (search) at = lowerBound(slots, slot, at);
          else while (at < slots.length && slots[at]! < slot) at++;
          if (slots[at] === slot && !postings.isDead(slot)) score(frequencies[at]!, idf, slot, weight);
        }
        continue;
      }
      for (let i = 0; i < slots.length; i++)
        if (!postings.isDead(slots[i]!)) score(frequencies[i]!, idf, slots[i]!, weight);
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
  if (rerank.length > 0) {
    const found = Uint32Array.from(scores.order.filter(candidate)).sort();
    for (const term of rerank) scoreTerm(index, term, scores, found);
  }
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
  const wanted: number[] = [];
  for (const id of ids) {
    const slot = postings.slot(id);
    if (slot !== undefined) wanted.push(slot);
  }
  const scores = new Scores(postings.slotCount);
  scoreTerm(index, term, scores, Uint32Array.from(wanted).sort());
  return new Map(scores.order.map((slot) => [postings.idAt(slot), scores.total[slot]!]));
}
