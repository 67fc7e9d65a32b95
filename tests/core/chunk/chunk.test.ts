import { describe, expect, it } from 'vitest';
import { chunkText, type Chunk } from '../../../src/core/chunk/chunk';
import { splitSentences } from '../../../src/core/chunk/sentences';
import { realTokenCounter } from '../text/fixtures';

const count = realTokenCounter();
const sentences = (text: string): string[] =>
  splitSentences(text).map(({ start, end }) => text.slice(start, end));

function expectValid(text: string, chunks: Chunk[], maxTokens = 512): void {
  for (const chunk of chunks) {
    expect(chunk.text).toBe(text.slice(chunk.start, chunk.end));
    expect(chunk.tokens).toBe(count(chunk.text));
    expect(chunk.tokens).toBeLessThanOrEqual(maxTokens);
  }
}

describe('splitSentences', () => {
  it('ends Chinese sentences after 。！？；… with their closing quotes', () => {
    expect(sentences('他說:“好。”然後走了!真的?是的；結束……最後「一句。」')).toEqual([
      '他說:“好。”',
      '然後走了!',
      '真的?',
      '是的；',
      '結束……',
      '最後「一句。」',
    ]);
  });

  it('ends English sentences at .?! before a space, but not after abbreviations, decimals or in URLs', () => {
    expect(
      sentences('It costs 3.5 dollars. Mr. Lee said so! Really? See https://x.com/a?ref=1 now.'),
    ).toEqual(['It costs 3.5 dollars.', 'Mr. Lee said so!', 'Really?', 'See https://x.com/a?ref=1 now.']);
  });

  it('treats a line break as a boundary and skips blank lines', () => {
    expect(sentences('標題\n\n  第一段沒有句號\n第二段。')).toEqual(['標題', '第一段沒有句號', '第二段。']);
  });
});

describe('chunkText', () => {
  const sentence = (i: number): string => `第${i}句話講的是開源模型在產業中的應用與生態建設情況。`;
  const text = Array.from({ length: 60 }, (_, i) => sentence(i)).join('');

  it('packs whole sentences near the target and never cuts one', () => {
    const chunks = chunkText(text, count);
    expectValid(text, chunks);
    expect(chunks.length).toBeGreaterThan(3);
    const starts = new Set(splitSentences(text).map((s) => s.start));
    const ends = new Set(splitSentences(text).map((s) => s.end));
    for (const chunk of chunks) {
      expect(starts.has(chunk.start) && ends.has(chunk.end)).toBe(true);
      expect(chunk.tokens).toBeLessThanOrEqual(256);
    }
    for (const chunk of chunks.slice(0, -1)) expect(chunk.tokens).toBeGreaterThan(200);
  });

  it('repeats one sentence between consecutive passages', () => {
    const chunks = chunkText(text, count);
    for (let k = 1; k < chunks.length; k++) {
      const previous = chunks[k - 1];
      const current = chunks[k];
      if (!previous || !current) continue;
      const shared = text.slice(current.start, previous.end);
      expect(sentences(shared)).toHaveLength(1);
      expect(previous.text.endsWith(shared) && current.text.startsWith(shared)).toBe(true);
    }
  });

  it('honours targetTokens', () => {
    const chunks = chunkText(text, count, { targetTokens: 100 });
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(100);
  });

  it('keeps a sentence longer than the target whole when it fits the limit', () => {
    const long = `${'開源'.repeat(200)}。`;
    const chunks = chunkText(`短句。${long}短句。`, count);
    expect(chunks.some((chunk) => chunk.text.includes(long))).toBe(true);
  });

  it('cuts a sentence over 512 tokens at commas, then characters, into fitting pieces', () => {
    const clauses = Array.from({ length: 80 }, (_, i) => `第${i}個分句講開源`).join('，');
    const withCommas = `${clauses}。`;
    const byComma = chunkText(withCommas, count);
    expectValid(withCommas, byComma);
    expect(byComma.length).toBeGreaterThan(1);
    for (const chunk of byComma.slice(0, -1)) expect(chunk.text.endsWith('，')).toBe(true);

    const noPunctuation = '開'.repeat(1500);
    const byChar = chunkText(noPunctuation, count);
    expectValid(noPunctuation, byChar);
    expect(byChar.map((c) => c.text).join('')).toBe(noPunctuation);
    expect(byChar[0]?.tokens).toBe(512);
  });

  it('stays within the limit even with a counter that gives several tokens per character', () => {
    const greedy = (s: string): number => 3 * Array.from(s.replace(/\s/g, '')).length + 2;
    const input = `${'開源模型'.repeat(300)}。${'word '.repeat(300)}`;
    const chunks = chunkText(input, greedy, { maxTokens: 50, targetTokens: 30 });
    for (const chunk of chunks) expect(greedy(chunk.text)).toBeLessThanOrEqual(50);
    expect(chunks[0]?.start).toBe(0);
    expect(chunks.at(-1)?.end).toBe(input.trimEnd().length);
    for (let k = 1; k < chunks.length; k++) {
      const gap = input.slice(chunks[k - 1]?.end ?? 0, chunks[k]?.start ?? 0);
      expect(gap.trim()).toBe('');
    }
  });

  it('never splits a surrogate pair', () => {
    const text = '𠀀'.repeat(800);
    const chunks = chunkText(text, count, { maxTokens: 100, targetTokens: 50 });
    expectValid(text, chunks, 100);
    for (const chunk of chunks) expect(chunk.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });

  it('keeps a heading with the paragraph it introduces', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => sentence(i)).join('');
    const doc = `${body(8)}\n02\n新的章節標題\n${body(8)}`;
    const chunks = chunkText(doc, count);
    const headingChunk = chunks.find((c) => c.text.includes('新的章節標題'));
    expect(headingChunk?.text.startsWith('02\n新的章節標題')).toBe(true);
  });

  it('counts each sentence once and each passage about once', () => {
    let calls = 0;
    const counting = (s: string): number => {
      calls++;
      return count(s);
    };
    const chunks = chunkText(text, counting);
    expect(calls).toBeLessThanOrEqual(splitSentences(text).length + chunks.length * 2);
  });

  it('returns nothing for empty or blank text', () => {
    expect(chunkText('', count)).toEqual([]);
    expect(chunkText(' \n\n ', count)).toEqual([]);
  });

  it('rejects limits that cannot hold a token', () => {
    expect(() => chunkText('abc', count, { maxTokens: 2 })).toThrow(RangeError);
  });
});
