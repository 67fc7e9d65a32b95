import { describe, expect, it } from 'vitest';
import { corpusHash, planIndexing, type IndexPlanInput } from '../../src/core/index-plan';
import type { IndexMeta } from '../../src/core/types';

const passages = ['a#0', 'a#1', 'b#0'].map((id) => ({ id }));
const meta: IndexMeta = {
  modelId: 'm',
  dims: 4,
  corpusHash: 'h1',
  passageCount: 3,
  complete: true,
  updatedAt: 1,
};
const input = (over: Partial<IndexPlanInput>): IndexPlanInput => ({
  passages,
  embedded: new Set(),
  meta,
  modelId: 'm',
  dims: 4,
  ...over,
});

describe('planIndexing', () => {
  it('reuses when every passage is embedded with matching dims', () => {
    expect(planIndexing(input({ embedded: new Set(['a#0', 'a#1', 'b#0']) }))).toEqual({
      action: 'reuse',
      toEmbed: [],
      orphaned: [],
    });
  });

  it('resumes with only the missing passages, in passage order', () => {
    const plan = planIndexing(input({ embedded: new Set(['a#1']), meta: { ...meta, complete: false } }));
    expect(plan).toMatchObject({ action: 'resume', toEmbed: ['a#0', 'b#0'] });
  });

  it('rebuilds everything when the stored dims differ', () => {
    const plan = planIndexing(input({ embedded: new Set(['a#0', 'a#1', 'b#0']), dims: 8 }));
    expect(plan).toEqual({ action: 'rebuild', toEmbed: ['a#0', 'a#1', 'b#0'], orphaned: [] });
  });

  it('builds from scratch without meta, even if vectors of unknown dims exist', () => {
    expect(planIndexing(input({ meta: undefined }))).toMatchObject({
      action: 'rebuild',
      toEmbed: ['a#0', 'a#1', 'b#0'],
    });
    expect(planIndexing(input({ meta: undefined, embedded: new Set(['a#0']) }))).toMatchObject({
      action: 'rebuild',
      toEmbed: ['a#0', 'a#1', 'b#0'],
    });
  });

  it('reports vectors of passages that are gone', () => {
    const plan = planIndexing(
      input({
        passages: [{ id: 'a#0' }, { id: 'c#0' }],
        embedded: new Set(['a#0', 'b#0']),
      }),
    );
    expect(plan).toEqual({ action: 'resume', toEmbed: ['c#0'], orphaned: ['b#0'] });
  });

  it('reuses an empty corpus', () => {
    expect(planIndexing(input({ passages: [] })).action).toBe('reuse');
  });

  it('rejects meta of another model', () => {
    expect(() => planIndexing(input({ modelId: 'other' }))).toThrow(
      'index-plan: meta is for model m, not other',
    );
  });
});

describe('corpusHash', () => {
  const corpus = [
    { id: 'a#0', text: '春眠不觉晓' },
    { id: 'a#1', text: '处处闻啼鸟' },
  ];

  it('ignores passage order', () => {
    expect(corpusHash([...corpus].reverse())).toBe(corpusHash(corpus));
  });

  it('changes when a passage is added, removed or edited, or text moves between passages', () => {
    const hashes = [
      corpusHash(corpus),
      corpusHash(corpus.slice(1)),
      corpusHash([...corpus, { id: 'b#0', text: '夜来风雨声' }]),
      corpusHash([corpus[0]!, { id: 'a#1', text: '处处闻啼鸟。' }]),
      corpusHash([
        { id: 'a#0', text: '春眠不觉晓处' },
        { id: 'a#1', text: '处闻啼鸟' },
      ]),
      corpusHash([]),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
