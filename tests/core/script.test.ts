import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeForMatch,
  normalizeForRelevance,
  normalizeWithOffsets,
  toSimplified,
  traditionalConverter,
} from '../../src/core/text/script';

const CORPUS = join(__dirname, '../../public/corpus');
const corpus = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(CORPUS, name), 'utf8'));

describe('toSimplified / traditionalConverter', () => {
  it('converts both ways', async () => {
    const toTraditional = await traditionalConverter();
    expect(toSimplified('北京AI相關社會融資達440億元')).toBe('北京AI相关社会融资达440亿元');
    expect(toTraditional('北京AI相关社会融资达440亿元')).toBe('北京AI相關社會融資達440億元');
  });

  it('uses Taiwan forms and resolves 著 by context', async () => {
    const toTraditional = await traditionalConverter();
    expect(toTraditional('为了众多')).toBe('為了眾多');
    expect(toSimplified('接著')).toBe('接着');
    expect(toSimplified('著名')).toBe('著名');
  });

  it('keeps the number of code points on the whole corpus', () => {
    for (const text of corpus) {
      const nfkc = text.normalize('NFKC');
      expect(Array.from(toSimplified(nfkc)).length).toBe(Array.from(nfkc).length);
    }
  });
});

describe('normalizeForMatch', () => {
  it('applies NFKC, traditional→simplified and lower case', () => {
    expect(normalizeForMatch('PP-OCRv5，僅0.07B參數')).toBe('pp-ocrv5,仅0.07b参数');
    expect(normalizeForMatch('Ｑｗｅｎ２．５')).toBe('qwen2.5');
  });
});

describe('normalizeWithOffsets', () => {
  it('maps each normalised unit to its original character', () => {
    const original = 'Ｑwen 開源';
    const mapped = normalizeWithOffsets(original);
    expect(mapped.text).toBe('qwen 开源');
    expect(original.slice(mapped.starts[5], mapped.ends[5])).toBe('開');
    expect(original.slice(mapped.starts[0], mapped.ends[0])).toBe('Ｑ');
  });

  it('maps expansions and compositions to the whole source', () => {
    const expanded = normalizeWithOffsets('5㎏');
    expect(expanded.text).toBe('5kg');
    expect([expanded.starts, expanded.ends]).toEqual([
      [0, 1, 1],
      [1, 2, 2],
    ]);
    const composed = normalizeWithOffsets('Cafe\u0301!');
    expect(composed.text).toBe('café!');
    expect([composed.starts[3], composed.ends[3], composed.starts[4]]).toEqual([3, 5, 5]);
  });

  it('keeps astral characters whole', () => {
    const mapped = normalizeWithOffsets('a𠀋b');
    expect(mapped.text).toBe('a𠀋b');
    expect(mapped.starts).toEqual([0, 1, 1, 3]);
    expect(mapped.ends).toEqual([1, 3, 3, 4]);
  });

  it('is normalizeForMatch with offsets in bounds and in order, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const mapped = normalizeWithOffsets(text);
        expect(mapped.text).toBe(normalizeForMatch(text));
        expect(mapped.starts.length).toBe(mapped.text.length);
        mapped.starts.forEach((start, i) => {
          const end = mapped.ends[i] ?? -1;
          expect(0 <= start && start < end && end <= text.length).toBe(true);
          if (i > 0) expect(start).toBeGreaterThanOrEqual(mapped.starts[i - 1] ?? 0);
        });
      }),
    );
  });

  it('maps every corpus character back to a character with the same simplified form', () => {
    const text = corpus[1] ?? '';
    const mapped = normalizeWithOffsets(text);
    let same = 0;
    for (let i = 0; i < mapped.text.length; i++) {
      const source = text.slice(mapped.starts[i], mapped.ends[i]);
      if (normalizeForMatch(source).includes(mapped.text[i] ?? '')) same++;
    }
    expect(same / mapped.text.length).toBeGreaterThan(0.999);
  });
});

describe('normalizeForRelevance', () => {
  it('applies NFKC and traditional→simplified and removes whitespace, keeping case', () => {
    expect(normalizeForRelevance('單日 3% 的下跌')).toBe('单日3%的下跌');
    expect(normalizeForRelevance('more than 500\nDerivative　models')).toBe('morethan500Derivativemodels');
  });
});
