/**
 * The same search with Orama, a popular in-browser search library: a `vector[dims]` schema, every row
 * inserted as a document, vector mode with similarity threshold 0 (so no row is filtered out).
 */
import { create, insertMultiple, search, type AnyOrama } from '@orama/orama';

/**
 * An Orama database holding every row of `vectors` as `{ id: String(row), embedding }`.
 *
 * @example
 * const db = await oramaIndex(vectors, 512);
 */
export async function oramaIndex(vectors: Float32Array, dims: number): Promise<AnyOrama> {
  const db = create({ schema: { embedding: `vector[${dims}]` } as const });
  const rows = vectors.length / dims;
  const chunk = 5_000;
  for (let start = 0; start < rows; start += chunk) {
    const docs = [];
    for (let row = start; row < Math.min(rows, start + chunk); row++) {
      docs.push({ id: String(row), embedding: Array.from(vectors.subarray(row * dims, (row + 1) * dims)) });
    }
    await insertMultiple(db, docs, chunk);
  }
  return db;
}

/**
 * Row indices of Orama's top `k` for `query`, best first.
 *
 * @example
 * await oramaTopK(db, query, 10); // [42, 7, ...]
 */
export async function oramaTopK(db: AnyOrama, query: Float32Array, k: number): Promise<number[]> {
  const results = await search(db, {
    mode: 'vector',
    vector: { value: Array.from(query), property: 'embedding' },
    similarity: 0,
    limit: k,
  });
  return results.hits.map((hit) => Number(hit.id));
}
