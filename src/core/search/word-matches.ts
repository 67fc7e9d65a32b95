/**
 * Inexact matches of a Latin query word among an index's terms: longer terms it begins (`ocr` → `ocrv5`) and
 * terms one edit away (`derivatve` → `derivative`), weighted as MiniSearch weighs them (its defaults:
 * prefix 0.375, fuzzy 0.45, falling with the distance), so rankings did not change when the index left it.
 * Only terms without a CJK character are looked at: a CJK term can be neither.
 */
import { CJK_CHAR } from './tokenize';

/** Weight of a prefix match at distance 0 (MiniSearch's default). */
const PREFIX_WEIGHT = 0.375;
/** Weight of a fuzzy match at distance 0 (MiniSearch's default). */
const FUZZY_WEIGHT = 0.45;

/** A term the query word matches inexactly, with the weight of that match. */
export interface WordMatch {
  /** The index term. */
  term: string;
  /** Multiplies the term's BM25+ score. */
  weight: number;
}

/** An index's terms without CJK characters, sorted (for prefixes) and by length (for one-edit matches). */
export interface WordList {
  /** Sorted terms. */
  sorted: string[];
  /** Terms by their length. */
  byLength: Map<number, string[]>;
}

/**
 * The word list of a term dictionary.
 *
 * @example
 * wordList(['开源', 'ocrv5', 'ocr']).sorted; // ['ocr', 'ocrv5']
 */
export function wordList(terms: readonly string[]): WordList {
  const sorted = terms.filter((term) => !CJK_CHAR.test(term)).sort();
  const byLength = new Map<number, string[]>();
  for (const term of sorted) {
    const same = byLength.get(term.length);
    if (same) same.push(term);
    else byLength.set(term.length, [term]);
  }
  return { sorted, byLength };
}

/** Whether `a` and `b` (lengths differing by at most one) are at most one insertion, deletion or substitution apart. */
function oneEditApart(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length === long.length) return short.slice(i + 1) === long.slice(i + 1);
  return short.slice(i) === long.slice(i + 1);
}

/**
 * Longer terms that begin with `word`, weighted by how much longer they are.
 *
 * @example
 * prefixMatches(wordList(['ocr', 'ocrv5']), 'ocr'); // [{ term: 'ocrv5', weight: 0.318 }]
 */
export function prefixMatches(list: WordList, word: string): WordMatch[] {
  const { sorted } = list;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < word) low = middle + 1;
    else high = middle;
  }
  const matches: WordMatch[] = [];
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(word); i++) {
    const term = sorted[i]!;
    const distance = term.length - word.length;
    if (distance > 0)
      matches.push({ term, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance) });
  }
  return matches;
}

/**
 * Terms one edit away from `word`, other than those in `except` (its prefix matches, which score as such).
 *
 * @example
 * fuzzyMatches(wordList(['derivative']), 'derivatve', new Set()); // [{ term: 'derivative', weight: 0.409 }]
 */
export function fuzzyMatches(list: WordList, word: string, except: ReadonlySet<string>): WordMatch[] {
  const matches: WordMatch[] = [];
  for (let length = word.length - 1; length <= word.length + 1; length++) {
    for (const term of list.byLength.get(length) ?? []) {
      if (term === word || except.has(term) || !oneEditApart(word, term)) continue;
      matches.push({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + 1) });
    }
  }
  return matches;
}
