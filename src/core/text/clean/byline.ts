/**
 * Byline and source lines: `文 / 科基`, `來源 / 節點財經`, `作者丨茯神編輯丨思原`, `編輯 辛婧`, `By Kai-Fu Lee`.
 */
import { removeLines, type CleaningStep } from './step';

const LABELLED =
  /^(?:文|作者|撰文|來源|来源|編輯|编辑|責編|责编|責任編輯|责任编辑|記者|记者|出品|策劃|策划|審核|审核|校對|校对)\s?[/／丨|:：]\s?\S/;
const EDITOR = /^(?:編輯|编辑|責編|责编|責任編輯|责任编辑)\s\S{1,12}$/;
/** `By Kai-Fu Lee`, `BYKAI-FU LEE`: capitalised words only, so `By the way` is prose. */
const ENGLISH = /^(?:BY|By) ?[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}$/;
const MAX_BYLINE_LENGTH = 60;

/**
 * True for a short line that credits an author, editor or source.
 *
 * @example
 * isBylineLine('作者:李開復'); // true
 */
export function isBylineLine(line: string): boolean {
  return line.length <= MAX_BYLINE_LENGTH && (LABELLED.test(line) || EDITOR.test(line) || ENGLISH.test(line));
}

/**
 * Removes byline lines from the body; `cleanText` returns them joined as the document's byline.
 *
 * @example
 * bylineStep.run('文 / 科基\n正文。').removed; // ['文 / 科基']
 */
export const bylineStep: CleaningStep = {
  name: 'byline',
  run: (text) => removeLines(text, isBylineLine),
};
