import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/core/lru';
import { withQueryCache } from '../../src/embed/query-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow('capacity must be at least 1');
  });
});

describe('withQueryCache', () => {
  it('embeds a repeated query once and passes batches through', async () => {
    const calls: string[][] = [];
    const embedder = {
      dims: 2,
      embed: async (texts: string[]) => {
        calls.push(texts);
        return new Float32Array(texts.length * 2).fill(texts.length);
      },
      dispose: async () => undefined,
    };
    const cached = withQueryCache(embedder, 4);
    const first = await cached.embed(['开源']);
    expect(await cached.embed(['开源'])).toBe(first);
    await cached.embed(['a', 'b']);
    await cached.embed(['a', 'b']);
    expect(calls).toEqual([['开源'], ['a', 'b'], ['a', 'b']]);
  });
});
