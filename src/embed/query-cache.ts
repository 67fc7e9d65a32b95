/**
 * Remembers recent query embeddings, so retyping or toggling modes does not embed the same query again.
 */
import { LruCache } from '../core/lru';
import type { Embedder } from './loader';

/**
 * Wraps an embedder: single-text calls are answered from an LRU of recent results; batches pass through.
 *
 * @example
 * const queries = withQueryCache(embedder, 64);
 * await queries.embed(['开源']); await queries.embed(['开源']); // embedded once
 */
export function withQueryCache(embedder: Embedder, capacity: number): Embedder {
  const cache = new LruCache<string, Float32Array>(capacity);
  return {
    dims: embedder.dims,
    async embed(texts) {
      const [text] = texts;
      if (texts.length !== 1 || text === undefined) return embedder.embed(texts);
      const hit = cache.get(text);
      if (hit) return hit;
      const vector = await embedder.embed(texts);
      cache.set(text, vector);
      return vector;
    },
    trace: embedder.trace?.bind(embedder),
    dispose: () => embedder.dispose(),
  };
}
