/**
 * Fuzzing the whole text path a user's file takes, decode → (HTML) → clean → chunk → highlight: on any
 * bytes it never throws anything but an IngestError, and every offset it returns is valid.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestDocument, IngestError, type DocumentKind } from '../../src/core/ingest';
import { highlightSpans, segmentsForRender } from '../../src/core/search/highlight';
import { realTokenCounter } from './text/fixtures';

const count = realTokenCounter();

/** Pieces that stress each stage: scripts, emoji, invisible and bidi characters, markup, pinyin, breaks. */
const PIECES = [
  '开源',
  '模型',
  '開發',
  '𠀀',
  '😀',
  '👍🏽',
  '🇨🇳',
  'AI',
  'OCRv5',
  '3.5',
  'שלום',
  'مرحبا',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '<script>x()</script>',
  '<p onclick="a()">',
  '</p>',
  '<iframe>',
  '&amp;',
  '(kāi)',
  '。',
  '，',
  '！',
  ' ',
  '\u3000',
  '\n',
  '\r\n',
  '\t',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));

/** Text in one of the encodings users' files come in, or arbitrary bytes. */
const fileBytes = fc.oneof(
  fc
    .tuple(text, fc.constantFrom('utf-8', 'gbk', 'big5', 'utf-16le', 'utf-16be'))
    .map(([content, encoding]) =>
      Uint8Array.from(iconv.encode(content, encoding, { addBOM: encoding.startsWith('utf-16') })),
    ),
  fc.uint8Array({ maxLength: 600 }),
);

const query = fc.oneof(
  text,
  fc.string({ maxLength: 40 }),
  fc.constantFrom('开源模型', '  ', '。，！', 'ai ocr'),
);

describe('decode → clean → chunk → highlight (fuzzed)', () => {
  it('never throws anything but an IngestError and keeps every offset valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileBytes,
        fc.constantFrom<DocumentKind>('txt', 'md', 'html'),
        query,
        async (bytes, kind, q) => {
          let ingested;
          try {
            ingested = await ingestDocument({ bytes, source: `fuzz.${kind}`, kind }, count);
          } catch (error) {
            expect(error).toBeInstanceOf(IngestError);
            expect((error as IngestError).message.startsWith(`fuzz.${kind}: `)).toBe(true);
            return;
          }
          const { document, passages } = ingested;
          let previousEnd = 0;
          for (const passage of passages) {
            expect(passage.start).toBeGreaterThanOrEqual(previousEnd);
            expect(passage.end).toBeGreaterThan(passage.start);
            expect(document.text.slice(passage.start, passage.end)).toBe(passage.text);
            previousEnd = passage.end;
            const spans = highlightSpans(passage.text, q);
            let spanEnd = 0;
            for (const span of spans) {
              expect(span.start).toBeGreaterThanOrEqual(spanEnd);
              expect(span.end).toBeGreaterThan(span.start);
              expect(span.end).toBeLessThanOrEqual(passage.text.length);
              spanEnd = span.end;
            }
            const segments = segmentsForRender(passage.text, spans);
            expect(segments.map((segment) => segment.text).join('')).toBe(passage.text);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
