/**
 * The components of the keyword ranking, each one switchable, so that EVALUATION.md's ablation can turn
 * them off one at a time with the app's own index code ({@link KEYWORD_RANKING} is what the app uses).
 */

/** BM25 parameters: k1 (term-frequency saturation), b (length normalisation), d (BM25+ floor; 0 = plain BM25). */
export interface Bm25Parameters {
  k: number;
  b: number;
  d: number;
}

/** How the keyword index turns text into terms and scores passages. */
export interface KeywordRanking {
  /** BM25 parameters. */
  bm25: Bm25Parameters;
  /** Multiply a passage's score by the number of distinct terms it matched (MiniSearch's default). */
  coordination: boolean;
  /**
   * CJK unigrams of the query (beyond a one-character run, always a term): `none`; `match`, as terms
   * like any other; `rerank`, scored only for passages that match another query term.
   */
  queryUnigrams: 'none' | 'match' | 'rerank';
  /** Index and query `Intl.Segmenter` words of 3+ characters next to the bigrams. */
  segmenterWords: boolean;
  /** Index and query unigrams of stop characters (的, 了, 是, … in `tokenize.ts`) too. */
  stopCharacterUnigrams: boolean;
  /** Latin query words of 3+ letters also match longer index terms (`ocr` → `ocrv5`). */
  prefix: boolean;
  /** Latin query words of 6+ letters tolerate one edit (`derivatve` → `derivative`). */
  fuzzy: boolean;
  /** `OR`: a passage needs one query term; `AND`: it needs all of them. */
  combineWith: 'OR' | 'AND';
}

/** The ranking the app uses (see EVALUATION.md for why each component is on or off). */
export const KEYWORD_RANKING: KeywordRanking = {
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
  coordination: true,
  queryUnigrams: 'rerank',
  segmenterWords: false,
  stopCharacterUnigrams: false,
  prefix: true,
  fuzzy: true,
  combineWith: 'OR',
};
