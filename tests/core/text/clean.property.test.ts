import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/core/text/clean';

/** Pieces that trigger every step: pinyin, page furniture, spam, bylines, mojibake, odd whitespace. */
const FRAGMENTS = [
  '環',
  '(huán)',
  '(AI)',
  'lái)',
  '?',
  '?!',
  '!',
  '睆',
  '┦',
  '\uFFFD',
  '|',
  'av',
  '成人',
  ' > ',
  '網易首頁',
  '分享至',
  '0',
  '相關推薦',
  '熱點推薦',
  '特別聲明:',
  'Notice: The content above',
  '作者:',
  '文 / ',
  '編輯 ',
  'By ',
  '圖源:',
  '*題圖',
  '#',
  '。',
  '，',
  'a',
  'Z',
  ' ',
  '\u3000',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\u200b',
  '\u0000',
  '\u0085',
];

const articleLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  articleLike,
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ maxLength: 200 }),
);

describe('cleanText properties', () => {
  it('never throws and returns offsets inside the cleaned text', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const result = cleanText(raw);
        for (const run of result.mojibake) {
          expect(0 <= run.start && run.start < run.end && run.end <= result.text.length).toBe(true);
        }
        for (const step of result.report) expect(step.count).toBe(step.removed.length);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = cleanText(raw).text;
        expect(cleanText(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves one trimmed, non-empty paragraph per line', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const { text } = cleanText(raw);
        if (text === '') return;
        for (const line of text.split('\n')) {
          expect(line).toBe(line.trim());
          expect(line).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
