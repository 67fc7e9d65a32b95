import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightSpans, segmentsForRender, type Span } from '../../../src/core/search/highlight';

const marked = (text: string, spans: readonly Span[]): string[] =>
  spans.map((s) => text.slice(s.start, s.end));

describe('highlightSpans', () => {
  it('highlights a simplified query in traditional text and the reverse, in original offsets', () => {
    const traditional = '先看一組數據:2024年,北京AI相關社會融資達440億元。';
    expect(marked(traditional, highlightSpans(traditional, '北京AI相关社会融资规模'))).toEqual([
      '北京AI相關社會融資',
    ]);
    const simplified = '记者了解到，阿里已开源200多款模型。';
    expect(marked(simplified, highlightSpans(simplified, '阿里已開源多少款模型'))).toEqual([
      '阿里已开源',
      '款模型',
    ]);
  });

  it('highlights runs of two or more query characters, not lone shared characters', () => {
    const text = '这里流传着一个新段子:往五道口扔下一块砖,砸中的10个人中7个在人工智能初创企业。';
    expect(marked(text, highlightSpans(text, '往五道口扔一块砖'))).toEqual(['往五道口扔', '一块砖']);
    expect(highlightSpans('中国的模型', '美国的芯片')).toEqual([{ start: 1, end: 3 }]);
  });

  it('highlights a single character only when it is the whole query', () => {
    expect(marked('一块砖,一块磚', highlightSpans('一块砖,一块磚', '砖'))).toEqual(['砖', '磚']);
    expect(highlightSpans('一块砖', 'AI 砖')).toEqual([]);
  });

  it('matches Latin words at word boundaries, any width and case', () => {
    const text = '百度推出的模型PP-OCRv5，僅0.07B參數; he said AI models.';
    expect(marked(text, highlightSpans(text, 'pp-ocrv5 参数'))).toEqual(['PP-OCRv5', '參數']);
    expect(marked(text, highlightSpans(text, 'ＯＣＲ'))).toEqual(['OCR']);
    expect(marked(text, highlightSpans(text, 'ai model'))).toEqual(['AI', 'models']);
    expect(highlightSpans('Qwen3 and Qwen2.5-Omni7B', 'Qwen2.5-Omni')).toEqual([{ start: 10, end: 22 }]);
  });

  it('ignores punctuation-only queries', () => {
    expect(highlightSpans('开源，模型。', '，。')).toEqual([]);
  });

  it('returns sorted, disjoint spans within the text for any input', () => {
    const text = fc.string({
      unit: fc.constantFrom('開', '开', '源', '模', '型', 'a', 'I', '　', '，', '𠀋', 'Ａ'),
    });
    fc.assert(
      fc.property(text, text, (t, q) => {
        const spans = highlightSpans(t, q);
        spans.forEach((span, i) => {
          expect(0 <= span.start && span.start < span.end && span.end <= t.length).toBe(true);
          if (i > 0) expect(span.start).toBeGreaterThan(spans[i - 1]?.end ?? -1);
        });
      }),
    );
  });
});

describe('segmentsForRender', () => {
  it('cuts text into plain and hit segments covering it exactly', () => {
    expect(
      segmentsForRender('開源模型很多', [
        { start: 4, end: 9 },
        { start: 0, end: 2 },
        { start: 1, end: 2 },
      ]),
    ).toEqual([
      { text: '開源', hit: true },
      { text: '模型', hit: false },
      { text: '很多', hit: true },
    ]);
    expect(segmentsForRender('', [{ start: 0, end: 1 }])).toEqual([]);
    expect(segmentsForRender('abc', [])).toEqual([{ text: 'abc', hit: false }]);
  });
});
