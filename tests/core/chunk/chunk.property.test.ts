import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText, type ChunkOptions } from '../../../src/core/chunk/chunk';
import { realTokenCounter } from '../text/fixtures';

const count = realTokenCounter();

const PIECES = [
  '開',
  '源',
  '模型',
  'AI',
  'open',
  'source',
  'x'.repeat(120),
  '𠀀',
  '😀',
  '3.5',
  '。',
  '！',
  '？',
  '；',
  '…',
  '”',
  '」',
  '』',
  '）',
  '.',
  '?',
  '!',
  ',',
  '，',
  '、',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
];

/** Text with CJK, both punctuations, newlines, and long runs without any punctuation. */
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }).map((parts) => parts.join('')),
  fc
    .tuple(fc.constantFrom('開', 'a', '𠀀', '模型 '), fc.integer({ min: 1, max: 1500 }))
    .map(([unit, n]) => unit.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

const options = fc.constantFrom<ChunkOptions>(
  {},
  { targetTokens: 64 },
  { maxTokens: 16, targetTokens: 8 },
  { maxTokens: 5, targetTokens: 5, maxChars: 8 },
);

describe('chunkText properties', () => {
  it('covers the text in order with valid offsets and never exceeds the limits', () => {
    fc.assert(
      fc.property(text, options, (input, opts) => {
        const maxTokens = opts.maxTokens ?? 512;
        const chunks = chunkText(input, count, opts);
        const covered = new Uint8Array(input.length);
        let previousStart = 0;
        for (const chunk of chunks) {
          expect(chunk.start).toBeGreaterThanOrEqual(previousStart);
          expect(chunk.start).toBeLessThan(chunk.end);
          expect(chunk.end).toBeLessThanOrEqual(input.length);
          expect(chunk.text).toBe(input.slice(chunk.start, chunk.end));
          expect(chunk.tokens).toBe(count(chunk.text));
          expect(chunk.tokens).toBeLessThanOrEqual(maxTokens);
          expect(chunk.text.length).toBeLessThanOrEqual(opts.maxChars ?? 4096);
          covered.fill(1, chunk.start, chunk.end);
          previousStart = chunk.start;
        }
        for (let i = 0; i < input.length; i++) {
          if (!/\s/.test(input[i] ?? '')) expect(covered[i], `offset ${i} uncovered`).toBe(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
