/**
 * Terms for the keyword index. Text is normalised first (NFKC, traditional→simplified, lower case), so
 * both scripts and full/half-width forms share terms. Then:
 * - Han/kana runs give character bigrams (the workhorse: robust to any segmentation), unigrams (always
 *   indexed, queried only for a one-character run) and the words of 3+ characters found by
 *   `Intl.Segmenter('zh', { granularity: 'word' })` (whole-word agreement earns an extra term; ICU's
 *   dictionary mostly yields 1–2-character words, which the bigrams already cover).
 * - Latin/digit runs joined by `- _ + . '` (model names like `Qwen2.5-Omni7B`) give the whole run, its
 *   parts between `-_+'` and the letter and number pieces of each part, so `qwen2.5-omni7b` is found by
 *   `qwen2.5-omni7b`, `qwen2.5`, `omni7b`, `qwen`, `2.5` and `omni`. One-character pieces (`b` of `7b`)
 *   and a few English function words are dropped; plural `s` is stemmed (Harman's S-stemmer).
 */

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const ALNUM = `(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])`;
const RUN = new RegExp(`([${CJK}]+)|(${ALNUM}+(?:[-_+.'’]${ALNUM}+)*)`, 'gu');
const PART_SEPARATOR = /[-_+'’]/u;
const PIECE = /\p{N}+(?:\.\p{N}+)*|[\p{L}\p{M}]+/gu;
const ALPHABETIC = /^[\p{L}\p{M}]+$/u;
/** Matches one Han or kana character. */
export const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');
const STOPWORDS = new Set(
  'a an and are as at be but by for from had has have in into is it its of on or that the their this to was were which with'.split(
    ' ',
  ),
);

/**
 * Characters that carry grammar, not a topic: structural and sentence-final particles, the copula,
 * personal and demonstrative pronouns, common prepositions and conjunctions. They are never unigram terms
 * (in most passages, they add almost nothing to a BM25 score and a lot to its cost); bigrams keep them.
 */
export const STOP_CHARACTERS: ReadonlySet<string> = new Set(
  Array.from(
    '的地得之了着过吗呢吧啊呀嘛哦哇么嗯是在和与及或而也都就把被给对从向于以为这那哪我你您他她它们其',
  ),
);

let words: Intl.Segmenter | undefined;

/** Harman's S-stemmer: `models`→`model`, `companies`→`company`, `uses`→`use`; keeps `ss`/`us` endings. */
function stem(term: string): string {
  if (term.length < 4 || !ALPHABETIC.test(term)) return term;
  if (/[^ae]ies$/u.test(term)) return `${term.slice(0, -3)}y`;
  if (/[^aeo]es$/u.test(term)) return term.slice(0, -1);
  if (/[^us]s$/u.test(term)) return term.slice(0, -1);
  return term;
}

/**
 * The words of a Latin/digit run: the whole run and its parts between `-_+'`, stemmed, without English
 * function words and single letters.
 *
 * @example
 * latinWords('qwen2.5-omni7b'); // ['qwen2.5-omni7b', 'qwen2.5', 'omni7b']
 * latinWords('models'); // ['model']
 */
export function latinWords(run: string): string[] {
  const words = [run, ...run.split(PART_SEPARATOR)].filter(
    (word) => (word.length >= 2 || /^\p{N}+$/u.test(word)) && !STOPWORDS.has(word),
  );
  return [...new Set(words.map(stem))];
}

/** Terms of one Latin/digit run: its words plus their letter and number pieces; see the module comment. */
function latinTerms(run: string): string[] {
  const terms = new Set(latinWords(run));
  for (const part of run.split(PART_SEPARATOR)) {
    for (const piece of part.match(PIECE) ?? []) {
      if (piece.length >= 2 && !STOPWORDS.has(piece)) terms.add(stem(piece));
    }
  }
  return [...terms];
}

/** Which optional terms CJK runs give, in the index and in queries. */
export interface TermOptions {
  /** `Intl.Segmenter` words of 3+ characters next to the bigrams. */
  segmenterWords: boolean;
  /** Unigrams of {@link STOP_CHARACTERS} too. */
  stopCharacterUnigrams: boolean;
}

/** {@link TermOptions} for queries. */
export interface QueryTermOptions extends TermOptions {
  /** Unigrams of runs longer than one character (a one-character run always gives its unigram). */
  unigrams: boolean;
}

/** Terms of one Han/kana run: unigrams (if asked), bigrams and segmenter words of 3+ characters (if asked). */
function cjkTerms(run: string, options: QueryTermOptions): string[] {
  const chars = Array.from(run);
  const unigrams = options.unigrams || chars.length === 1 ? chars : [];
  const terms = unigrams.filter((c) => options.stopCharacterUnigrams || !STOP_CHARACTERS.has(c));
  for (let i = 0; i + 1 < chars.length; i++) terms.push(`${chars[i]}${chars[i + 1]}`);
  if (options.segmenterWords && chars.length >= 3) {
    words ??= new Intl.Segmenter('zh', { granularity: 'word' });
    for (const { segment } of words.segment(run)) if (Array.from(segment).length >= 3) terms.push(segment);
  }
  return terms;
}

/** Runs of already normalised text, classified. */
export interface TextRun {
  /** `cjk` for Han/kana, `latin` for letters and digits of other scripts (with `-_+.'` joiners). */
  kind: 'cjk' | 'latin';
  /** The run itself. */
  text: string;
  /** Its offset in the normalised text. */
  start: number;
}

/**
 * Splits normalised text into CJK and Latin/digit runs; punctuation and spaces separate runs.
 *
 * @example
 * textRuns('pp-ocrv5,仅0.07b参数').map((r) => r.text); // ['pp-ocrv5', '仅', '0.07b', '参数']
 */
export function textRuns(normalized: string): TextRun[] {
  return Array.from(normalized.matchAll(RUN), (m) => ({
    kind: m[1] === undefined ? 'latin' : 'cjk',
    text: m[0],
    start: m.index,
  }));
}

/**
 * Terms indexed for a text that {@link normalizeForMatch} already normalised (repeats kept: they are
 * BM25 term frequencies). CJK runs give unigrams and bigrams, and what `options` adds.
 *
 * @example
 * const plain = { segmenterWords: false, stopCharacterUnigrams: false };
 * indexTerms('qwen2.5-omni', plain); // ['qwen2.5-omni', 'qwen2.5', 'omni', 'qwen', '2.5']
 * indexTerms('开源的', plain); // ['开', '源', '开源', '源的']
 */
export function indexTerms(normalized: string, options: TermOptions): string[] {
  const withUnigrams = { ...options, unigrams: true };
  return textRuns(normalized).flatMap((run) =>
    run.kind === 'cjk' ? cjkTerms(run.text, withUnigrams) : latinTerms(run.text),
  );
}

/**
 * Distinct query terms of normalised query text: as {@link indexTerms}, with the CJK unigrams of runs
 * longer than one character only when `options.unigrams` asks for them.
 *
 * @example
 * queryTerms('pp-ocrv5 参数', { unigrams: true, segmenterWords: false, stopCharacterUnigrams: false });
 * // ['pp-ocrv5', 'pp', 'ocrv5', 'ocrv', '参', '数', '参数']
 */
export function queryTerms(normalized: string, options: QueryTermOptions): string[] {
  const terms = textRuns(normalized).flatMap((run) =>
    run.kind === 'cjk' ? cjkTerms(run.text, options) : latinTerms(run.text),
  );
  return [...new Set(terms)];
}

/**
 * Whether a term is a Latin/digit term with a letter, the kind that may match by prefix (`ocr` → `ocrv5`).
 *
 * @example
 * isLatinWord('ocr'); // true
 * isLatinWord('2025'); // false
 */
export function isLatinWord(term: string): boolean {
  return /\p{L}/u.test(term) && !CJK_CHAR.test(term);
}
