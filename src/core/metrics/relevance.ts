/**
 * Relevance judgements by the evaluation rule: a hit is relevant when its source matches and its passage
 * text contains a relevant span, both normalised by `normalizeForRelevance` (NFKC, traditional→simplified,
 * whitespace removed).
 */
import { normalizeForRelevance } from '../text/script';
import type { RelevantSpan } from './queries';

/** A ranked hit as the evaluation sees it. */
export interface EvalHit {
  /** Corpus file name of the passage's document. */
  source: string;
  /** The passage text. */
  text: string;
}

/** Which relevant spans each ranked hit contains. */
export interface Judgement {
  /** `matches[i]`: indices (into the query's `relevant`) of the spans hit `i` contains. */
  matches: number[][];
  /** How many relevant spans the query has. */
  relevantCount: number;
}

/**
 * Judges a ranking against a query's relevant spans.
 *
 * @example
 * judgeHits([{ source: 'a.txt', text: '阿里已開源 200多款模型' }], [{ source: 'a.txt', text: '阿里已开源200多款模型' }]);
 * // { matches: [[0]], relevantCount: 1 }
 */
export function judgeHits(hits: readonly EvalHit[], relevant: readonly RelevantSpan[]): Judgement {
  const spans = relevant.map((span) => ({ source: span.source, text: normalizeForRelevance(span.text) }));
  const matches = hits.map((hit) => {
    const text = normalizeForRelevance(hit.text);
    return spans.flatMap((span, i) => (span.source === hit.source && text.includes(span.text) ? [i] : []));
  });
  return { matches, relevantCount: relevant.length };
}
