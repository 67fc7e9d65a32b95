/**
 * Drops keyword-spam lines: long `|`-separated lists of short search phrases, typically adult keywords.
 */
import { removeLines, type CleaningStep } from './step';

const ADULT =
  /(?<![a-z])av(?![a-z])|成人|無碼|无码|黃色|黄色|色情|三級片|三级片|一級片|一级片|人妻|裸聊|約炮|约炮/i;

/**
 * True for a line of at least five short `|`-separated items that either mentions adult keywords or has
 * eight items or more. Markdown table rows (starting with `|`) are not spam.
 *
 * @example
 * isSpamLine('国产av一二三区|日本不卡|成人免费|人妻系列|无码一区'); // true
 */
export function isSpamLine(line: string): boolean {
  if (line.startsWith('|') || line.startsWith('｜')) return false;
  const items = line.split(/[|｜]/).map((item) => item.trim());
  if (items.length < 5 || !items.every((item) => item.length > 0 && item.length <= 24)) return false;
  return items.length >= 8 || ADULT.test(line);
}

/**
 * Removes keyword-spam lines (see {@link isSpamLine}).
 *
 * @example
 * spamStep.run('成人影片|人妻|無碼|黃色|av\n正文。').text; // '正文。'
 */
export const spamStep: CleaningStep = {
  name: 'spam',
  run: (text) => removeLines(text, isSpamLine),
};
