import { describe, expect, it } from 'vitest';
import { highlightSpans } from '../../../src/core/search/highlight';
import { snippet } from '../../../src/core/search/snippet';

const filler = (n: number): string => '很'.repeat(n);

describe('snippet', () => {
  it('returns short text whole', () => {
    const s = snippet('开源模型', [{ start: 0, end: 2 }], 100);
    expect(s).toEqual({ start: 0, end: 4, text: '开源模型', spans: [{ start: 0, end: 2 }] });
  });

  it('centres the window on the densest hits, with some context before them', () => {
    const text = `${filler(50)}开源${filler(100)}开源模型开源${filler(100)}`;
    const s = snippet(text, highlightSpans(text, '开源模型'), 40);
    expect(s.end - s.start).toBe(40);
    expect(s.text).toContain('开源模型开源');
    expect(s.spans).toEqual([{ start: 10, end: 16 }]);
    expect(s.text.slice(10, 16)).toBe('开源模型开源');
  });

  it('starts at a sentence start when that loses no hit', () => {
    const text = `${filler(60)}。北京开源${filler(60)}`;
    const s = snippet(text, highlightSpans(text, '北京开源'), 30);
    expect(s.text.startsWith('北京开源')).toBe(true);
  });

  it('skips the line break after a sentence end', () => {
    const text = `${filler(60)}。\n\n北京开源${filler(60)}`;
    expect(snippet(text, highlightSpans(text, '北京开源'), 30).text.startsWith('北京开源')).toBe(true);
  });

  it('splits no highlight and no Latin word at its edges', () => {
    const text =
      'Within days of the release of its R1 model, developers on AI community Hugging Face had created more than 500 derivative models, which were downloaded 2.5mn times.';
    const s = snippet(text, highlightSpans(text, 'developers Hugging Face derivative'), 60);
    expect(s.text).toMatch(/^\w/u);
    expect(text[s.start - 1] ?? ' ').toMatch(/\W/u);
    expect(text[s.end] ?? ' ').toMatch(/\W/u);
    expect(s.spans.map((span) => s.text.slice(span.start, span.end))).toEqual([
      'developers',
      'Hugging',
      'Face',
    ]);
  });

  it('avoids given ranges when the same hits fit without them', () => {
    const text = `${filler(10)}ÃÂ¤ÃÂ${filler(5)}开源${filler(60)}`;
    const avoid = [{ start: 10, end: 16 }];
    const s = snippet(text, highlightSpans(text, '开源'), 30, { avoid });
    expect(s.start).toBeGreaterThanOrEqual(16);
    expect(s.text).toContain('开源');
  });

  it('never splits a surrogate pair and starts at 0 without hits', () => {
    const text = `${'𠀋'.repeat(30)}`;
    const s = snippet(text, [{ start: 21, end: 23 }], 9);
    expect(s.text.length % 2).toBe(0);
    expect(s.text).toBe('𠀋'.repeat(4));
    expect(snippet(text, [], 10).start).toBe(0);
  });
});
