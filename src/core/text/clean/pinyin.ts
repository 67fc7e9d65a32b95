/**
 * Removes tone-marked pinyin that a broken script conversion appended to characters: `環(huán)` → `環`.
 */
import type { CleaningStep } from './step';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const BASE = 'aaaaeeeeiiiioooouuuuvvvvnnnm';
const LETTERS = `a-zü${TONED}`;

/** Initial + final of a Mandarin syllable, tones removed and ü written `v`. */
const SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:a|ai|ao|an|ang|o|ou|ong|e|ei|en|eng|er|i|ia|iao|ian|iang|ie|iu|in|ing|iong|u|ua|uai|uan|uang|ue|ui|un|uo|v|ve|van|vn|n|ng|m)$/;

/** `(syllable)` right after any non-space character. */
const ANNOTATION = new RegExp(`(?<=[^\\s(])\\(([${LETTERS}]{1,6})\\)`, 'gu');
/** `syllable)` after a `?` or U+FFFD: the opening parenthesis was swallowed by mojibake. */
const ORPHAN_ANNOTATION = new RegExp(`(?<=[?\\uFFFD])([${LETTERS}]{1,6})\\)`, 'gu');

/**
 * True for one pinyin syllable carrying exactly one tone mark, e.g. `huán`, `lǜ`; false for `de`, `café`.
 *
 * @example
 * isTonedSyllable('guān'); // true
 */
export function isTonedSyllable(word: string): boolean {
  let tones = 0;
  let plain = '';
  for (const ch of word) {
    const i = TONED.indexOf(ch);
    if (i >= 0) tones++;
    plain += i >= 0 ? BASE[i] : ch === 'ü' ? 'v' : ch;
  }
  return tones === 1 && SYLLABLE.test(plain);
}

function strip(text: string, pattern: RegExp, removed: string[]): string {
  return text.replace(pattern, (match: string, syllable: string) => {
    if (!isTonedSyllable(syllable)) return match;
    removed.push(match);
    return '';
  });
}

/**
 * Removes `(huán)`-style annotations wherever they follow a character (also a garbled one, and also the
 * `?lái)` remnant whose `(` was lost), repeating until none is left. Ordinary parentheses stay:
 * `(AI)`, `(2024年)`, `(de)` have no tone-marked syllable.
 *
 * @example
 * pinyinStep.run('環(huán)境(AI)').text; // '環境(AI)'
 */
export const pinyinStep: CleaningStep = {
  name: 'pinyin',
  run(text) {
    const removed: string[] = [];
    let current = text;
    for (;;) {
      const next = strip(strip(current, ANNOTATION, removed), ORPHAN_ANNOTATION, removed);
      if (next === current) return { text: current, removed };
      current = next;
    }
  },
};
