/**
 * The cleaning pipeline: named pure steps, a title, a byline and the mojibake that is left.
 */
import type { CleaningStepReport, TextSpan } from '../../types';
import { legalFooterStep, imageCreditStep, navigationStep, shareWidgetStep } from './boilerplate';
import { bylineStep } from './byline';
import { findMojibake } from './mojibake';
import { pinyinStep } from './pinyin';
import { relatedLinksStep } from './related';
import { spamStep } from './spam';
import type { CleaningStep } from './step';
import { extractTitle } from './title';
import { whitespaceStep } from './whitespace';

/** Result of {@link cleanText}. */
export interface CleanedText {
  /** Cleaned text: one paragraph per line, lines separated by a single `\n`. */
  text: string;
  /** Headline, or a short lead from the first sentence; empty for empty text. */
  title: string;
  /** Author, editor and source lines found in the text, joined with ` · `. */
  byline?: string;
  /** What each step removed, in pipeline order. */
  report: CleaningStepReport[];
  /** Mojibake runs that could not be repaired, as offsets into `text`. */
  mojibake: TextSpan[];
}

/**
 * The steps in order. Whitespace goes first so that later steps see trimmed, non-empty lines; pinyin
 * goes before the line steps so that `相關(guān)推薦` is recognised; the related-links tail is cut before
 * footers and spam are looked for.
 */
export const CLEANING_STEPS: readonly CleaningStep[] = [
  whitespaceStep,
  pinyinStep,
  relatedLinksStep,
  legalFooterStep,
  navigationStep,
  shareWidgetStep,
  imageCreditStep,
  spamStep,
  bylineStep,
];

/**
 * Cleans raw article text: whitespace, pinyin annotations, related-links tail, legal footers, navigation,
 * share widgets, image credits, keyword spam and byline lines, each reported by step. Never throws, and is
 * idempotent: `cleanText(cleanText(x).text).text === cleanText(x).text`.
 *
 * @example
 * cleanText('網易首頁 > 網易號 > 正文\n\n開源(yuán)之路\n0\n分享至\n正文。').text; // '開源之路\n正文。'
 */
export function cleanText(raw: string): CleanedText {
  let text = raw;
  const report: CleaningStepReport[] = [];
  let bylines: string[] = [];
  for (const step of CLEANING_STEPS) {
    const result = step.run(text);
    text = result.text;
    report.push({ step: step.name, count: result.removed.length, removed: result.removed });
    if (step === bylineStep) bylines = result.removed;
  }
  const cleaned: CleanedText = { text, title: extractTitle(text), report, mojibake: findMojibake(text) };
  if (bylines.length > 0) cleaned.byline = bylines.join(' · ');
  return cleaned;
}
