import { describe, expect, it } from 'vitest';
import { indexTerms, isLatinWord, latinWords, queryTerms, textRuns } from '../../../src/core/search/tokenize';

describe('textRuns', () => {
  it('separates CJK runs from Latin/digit runs at punctuation', () => {
    expect(textRuns('pp-ocrv5,仅0.07b参数').map((r) => [r.kind, r.text, r.start])).toEqual([
      ['latin', 'pp-ocrv5', 0],
      ['cjk', '仅', 9],
      ['latin', '0.07b', 10],
      ['cjk', '参数', 15],
    ]);
  });
});

describe('indexTerms', () => {
  it('indexes model names whole, by parts and by pieces', () => {
    expect(indexTerms('qwen2.5-omni7b')).toEqual([
      'qwen2.5-omni7b',
      'qwen2.5',
      'omni7b',
      'qwen',
      '2.5',
      'omni',
    ]);
    expect(indexTerms('glm-z1-air')).toEqual(['glm-z1-air', 'glm', 'z1', 'air']);
    expect(indexTerms('koala-36m')).toEqual(['koala-36m', 'koala', '36m', '36']);
    expect(indexTerms('8620p')).toEqual(['8620p', '8620']);
  });

  it('gives CJK unigrams and bigrams, plus segmenter words of 3+ characters', () => {
    expect(indexTerms('开源')).toEqual(['开', '源', '开源']);
    const terms = indexTerms('摩拳擦掌');
    expect(terms).toContain('摩拳');
    expect(terms).toContain('擦掌');
    expect(terms).toContain('摩拳擦掌');
  });

  it('drops English function words and stems plurals', () => {
    expect(indexTerms('the models of companies and their uses')).toEqual(['model', 'company', 'use']);
  });
});

describe('queryTerms', () => {
  it('has no CJK unigrams except for a one-character run, and no repeats', () => {
    expect(queryTerms('参数 参数')).toEqual(['参数']);
    expect(queryTerms('砖')).toEqual(['砖']);
    expect(queryTerms('ai 芯')).toEqual(['ai', '芯']);
  });
});

describe('latinWords / isLatinWord', () => {
  it('lists the run and its dash-separated parts', () => {
    expect(latinWords('pp-ocrv5')).toEqual(['pp-ocrv5', 'pp', 'ocrv5']);
  });

  it('recognises Latin words', () => {
    expect(isLatinWord('ocr')).toBe(true);
    expect(isLatinWord('2025')).toBe(false);
    expect(isLatinWord('开源')).toBe(false);
  });
});
