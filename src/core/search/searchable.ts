/**
 * Whether a query has anything to search for. A query of punctuation, spaces, English function words
 * or Chinese function characters alone (`？？`, `的`, `是吗`, `the of`) would match passages only by
 * accident, in every mode, so the search answers it with no results and says why.
 */
import { normalizeForMatch } from '../text/script';
import { queryTerms, STOP_CHARACTERS } from './tokenize';

/**
 * `true` when the query has at least one term to search for after normalisation (both scripts, NFKC,
 * lower case): a CJK character that is not a stop character, or a Latin word or number the keyword
 * index would use.
 *
 * @example
 * hasSearchTerms('PP-OCRv5'); // true
 * hasSearchTerms('这是什么'); // true (什么 is a word)
 * hasSearchTerms('？！ ...'); // false
 * hasSearchTerms('是的吗'); // false
 * hasSearchTerms('the of'); // false
 */
export function hasSearchTerms(query: string): boolean {
  const withoutStops = Array.from(normalizeForMatch(query), (char) =>
    STOP_CHARACTERS.has(char) ? ' ' : char,
  );
  return (
    queryTerms(withoutStops.join(''), { unigrams: true, segmenterWords: false, stopCharacterUnigrams: false })
      .length > 0
  );
}
