import { describe, expect, it } from 'vitest';
import { MAX_FREQUENCY, Postings } from '../../../src/core/search/postings';

/** Live (slot → frequency) postings of a term, by passage id. */
function postingsById(postings: Postings, term: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const { slots, frequencies } of postings.postingsOf(term))
    for (let i = 0; i < slots.length; i++)
      if (!postings.isDead(slots[i]!)) found[postings.idAt(slots[i]!)] = frequencies[i]!;
  return found;
}

describe('Postings', () => {
  it('counts term frequencies and distinct terms per passage', () => {
    const postings = new Postings();
    postings.add('a', ['开源', '模型', '开源']);
    postings.add('b', ['模型']);
    expect(postingsById(postings, '开源')).toEqual({ a: 2 });
    expect(postingsById(postings, '模型')).toEqual({ a: 1, b: 1 });
    expect(postings.lengthAt(postings.slot('a')!)).toBe(2);
    expect(postings.averageLength).toBe(1.5);
    expect(postings.passageCount).toBe(2);
  });

  it('keeps the same postings before and after freezing, and drops removed passages when it freezes', () => {
    const postings = new Postings();
    postings.add('a', ['x', 'y']);
    postings.add('b', ['y', 'z']);
    postings.freeze();
    postings.add('c', ['y']);
    expect(postingsById(postings, 'y')).toEqual({ a: 1, b: 1, c: 1 });
    expect(postings.remove('b')).toBe(true);
    expect(postings.remove('b')).toBe(false);
    expect(postingsById(postings, 'y')).toEqual({ a: 1, c: 1 });
    expect(postings.averageLength).toBe(1.5);
    postings.freeze();
    expect(postings.slotCount).toBe(2);
    expect(postingsById(postings, 'y')).toEqual({ a: 1, c: 1 });
    expect(postings.terms()).toEqual(['x', 'y']);
    expect(postings.postingCount).toBe(3);
  });

  it('finds every term after freezes that merge new terms between frozen ones, in code-unit order', () => {
    const postings = new Postings();
    const words = ['开源', 'b', 'zz', 'a', '模型', 'ab', 'ocr', '开', 'ocrv5', 'y'];
    const expected: Record<string, Record<string, number>> = {};
    words.forEach((word, i) => {
      const terms = [word, words[(i * 7) % words.length]!];
      postings.add(`p${i}`, terms);
      for (const term of terms)
        expected[term] = { ...expected[term], [`p${i}`]: (expected[term]?.[`p${i}`] ?? 0) + 1 };
      if (i % 3 === 2) postings.freeze();
    });
    postings.freeze();
    expect(postings.terms()).toEqual([...new Set(words)].sort());
    for (const term of words) expect(postingsById(postings, term), term).toEqual(expected[term]);
    expect(postingsById(postings, 'absent')).toEqual({});
  });

  it('round-trips through export and import', () => {
    const postings = new Postings();
    postings.add('a', ['x', 'y', 'y']);
    postings.add('b', ['y']);
    postings.remove('a');
    postings.add('a', ['z']);
    const copy = new Postings();
    copy.import(postings.export());
    for (const term of ['x', 'y', 'z'])
      expect(postingsById(copy, term)).toEqual(postingsById(postings, term));
    expect(copy.averageLength).toBe(postings.averageLength);
  });

  it('refuses an id that is already indexed, and an inconsistent block', () => {
    const postings = new Postings();
    postings.add('a', ['x']);
    expect(() => postings.add('a', ['y'])).toThrow('postings: a is already indexed');
    const block = postings.export();
    expect(() => new Postings().import({ ...block, ids: [] })).toThrow('postings: inconsistent block');
  });

  it('caps a frequency at what a byte holds', () => {
    const postings = new Postings();
    postings.add(
      'a',
      Array.from({ length: 300 }, () => 'x'),
    );
    expect(postingsById(postings, 'x')).toEqual({ a: MAX_FREQUENCY });
  });

  it('asks for a freeze once enough postings wait or enough passages are removed', () => {
    const postings = new Postings();
    for (let i = 0; i < 100; i++)
      postings.add(
        `p${i}`,
        Array.from({ length: 1000 }, (_, t) => `t${t}`),
      );
    expect(postings.needsFreeze()).toBe(true);
    postings.freeze();
    expect(postings.needsFreeze()).toBe(false);
    for (let i = 0; i < 30; i++) postings.remove(`p${i}`);
    expect(postings.needsFreeze()).toBe(true);
  });
});
