import { describe, expect, it } from 'vitest';
import { indexTerms, isLatinWord, latinWords, queryTerms, textRuns } from '../../../src/core/search/tokenize';

const PLAIN = { segmenterWords: false, stopCharacterUnigrams: false };

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
    expect(indexTerms('qwen2.5-omni7b', PLAIN)).toEqual([
      'qwen2.5-omni7b',
      'qwen2.5',
      'omni7b',
      'qwen',
      '2.5',
      'omni',
    ]);
    expect(indexTerms('glm-z1-air', PLAIN)).toEqual(['glm-z1-air', 'glm', 'z1', 'air']);
    expect(indexTerms('koala-36m', PLAIN)).toEqual(['koala-36m', 'koala', '36m', '36']);
    expect(indexTerms('8620p', PLAIN)).toEqual(['8620p', '8620']);
  });

  it('gives CJK unigrams and bigrams, plus segmenter words of 3+ characters when asked', () => {
    expect(indexTerms('开源', PLAIN)).toEqual(['开', '源', '开源']);
    expect(indexTerms('摩拳擦掌', PLAIN)).toEqual(['摩', '拳', '擦', '掌', '摩拳', '拳擦', '擦掌']);
    expect(indexTerms('摩拳擦掌', { ...PLAIN, segmenterWords: true })).toContain('摩拳擦掌');
  });

  it('gives no unigram for a stop character, but keeps its bigrams, unless asked', () => {
    expect(indexTerms('我的书', PLAIN)).toEqual(['书', '我的', '的书']);
    expect(indexTerms('我的书', { ...PLAIN, stopCharacterUnigrams: true })).toEqual([
      '我',
      '的',
      '书',
      '我的',
      '的书',
    ]);
  });

  it('drops English function words and stems plurals', () => {
    expect(indexTerms('the models of companies and their uses', PLAIN)).toEqual(['model', 'company', 'use']);
  });
});

describe('queryTerms', () => {
  const noUnigrams = { ...PLAIN, unigrams: false };

  it('has no CJK unigrams except for a one-character run, unless asked, and no repeats', () => {
    expect(queryTerms('参数 参数', noUnigrams)).toEqual(['参数']);
    expect(queryTerms('砖', noUnigrams)).toEqual(['砖']);
    expect(queryTerms('ai 芯', noUnigrams)).toEqual(['ai', '芯']);
    expect(queryTerms('参数 参数', { ...PLAIN, unigrams: true })).toEqual(['参', '数', '参数']);
  });

  it('never queries a stop character alone', () => {
    expect(queryTerms('的', noUnigrams)).toEqual([]);
    expect(queryTerms('多少分的', { ...PLAIN, unigrams: true })).toEqual([
      '多',
      '少',
      '分',
      '多少',
      '少分',
      '分的',
    ]);
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
