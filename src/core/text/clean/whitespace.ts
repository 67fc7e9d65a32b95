/**
 * Whitespace normalisation: one paragraph per line, single spaces, no invisible characters.
 */
import type { CleaningStep } from './step';

/** C0 controls (tab and line breaks aside), DEL, soft hyphen, zero-width characters, stray BOMs. */
const INVISIBLE = /(?:(?![\t\n\r\v\f\u0080-\u009f])\p{Cc}|[\u00ad\u200b-\u200d\u2060\ufeff])+/gu;
const SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * Normalises line breaks to `\n`, deletes invisible and control characters, turns every run of spaces
 * (tabs, no-break and ideographic spaces included) into one space, trims lines and drops empty ones, so
 * the text is one paragraph per line. Reports every run it removed or shortened.
 *
 * @example
 * whitespaceStep.run(' a\u3000\u3000b \r\n\r\n\r\nc').text; // 'a b\nc'
 */
export const whitespaceStep: CleaningStep = {
  name: 'whitespace',
  run(text) {
    const removed: string[] = [];
    const record = (match: string, replacement: string): string => {
      if (match !== replacement) removed.push(match);
      return replacement;
    };
    const lines = text
      .replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, '\n')
      .replace(INVISIBLE, (m) => record(m, ''))
      .replace(SPACES, (m) => record(m, ' '))
      .split('\n')
      .map((line) => line.replace(/^ | $/g, (m) => record(m, '')));
    const kept = lines.filter((line) => line !== '');
    if (lines.length > 1) removed.push(...lines.filter((line) => line === '').map(() => '\n'));
    return { text: kept.join('\n'), removed };
  },
};
