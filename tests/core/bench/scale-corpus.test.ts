import { describe, expect, it } from 'vitest';
import { parseScaleArgs } from '../../../scripts/bench/scale-args';
import {
  clusteredUnitVectors,
  PASSAGES_PER_DOC,
  recallOf,
  scaleCorpus,
  scaleKeywordQueries,
} from '../../../src/bench/scale-corpus';
import { dot } from '../../../src/core/vector';
import { addPassages, createKeywordIndex, searchKeyword } from '../../../src/core/search/keyword-index';

describe('scale benchmark data', () => {
  it('generates the same Chinese-like corpus for a seed, shaped as the app stores it', () => {
    const corpus = scaleCorpus(45, 3);
    expect(corpus.passages).toHaveLength(45);
    expect(corpus.documents).toHaveLength(Math.ceil(45 / PASSAGES_PER_DOC));
    for (const passage of corpus.passages) {
      const doc = corpus.documents.find((d) => d.id === passage.docId)!;
      expect(doc.text.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.id).toBe(`${passage.docId}#${passage.index}`);
    }
    expect(corpus.passages[0]!.text).toMatch(/^[\u4e00-\u9fff，]+。$/u);
    expect(scaleCorpus(45, 3)).toEqual(corpus);
    expect(scaleCorpus(45, 4).passages[0]!.text).not.toBe(corpus.passages[0]!.text);
  });

  it('draws keyword queries that find passages in the corpus', () => {
    const index = createKeywordIndex();
    addPassages(index, scaleCorpus(400, 1).passages);
    const queries = scaleKeywordQueries(10, 1);
    const found = queries.filter((query) => searchKeyword(index, query, 10).length > 0);
    expect(found.length).toBeGreaterThanOrEqual(8);
  });

  it('makes clustered unit vectors, not uniform ones', () => {
    const dims = 64;
    const vectors = clusteredUnitVectors(200, dims, 4, 9);
    const cosine = (i: number, j: number) => dot(vectors, i * dims, vectors, j * dims, dims);
    expect(cosine(7, 7)).toBeCloseTo(1, 5);
    // Uniform random 64-d unit vectors rarely exceed 0.4; a quarter of the rows share row 0's centre.
    const close = Array.from({ length: 199 }, (_, i) => cosine(0, i + 1)).filter((c) => c > 0.6);
    expect(close.length).toBeGreaterThan(30);
  });

  it('scores recall as the share of the exact top-k found', () => {
    expect(recallOf([1, 2, 3, 4], [4, 3, 9, 8])).toBe(0.5);
    expect(recallOf([], [])).toBe(1);
  });

  it('parses the scale flags and refuses bad ones', () => {
    expect(parseScaleArgs(['--sizes', '1000,2000', '--matrix', '0', '--json'])).toEqual({
      json: true,
      sizes: [1000, 2000],
      matrixRows: 0,
    });
    expect(() => parseScaleArgs(['--sizes', '0'])).toThrow(/bad --sizes/);
    expect(() => parseScaleArgs(['--fast'])).toThrow(/unknown argument/);
  });
});
