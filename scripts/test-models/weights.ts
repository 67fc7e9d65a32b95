/**
 * Weights of the test models. Only the token embeddings are random; everything else is zero, one or the
 * identity, so the encoder turns a text into a bag-of-tokens vector (see `bert-graph.ts`).
 */
import { mulberry32 } from '../../src/core/random';

/** Seed of the token-embedding generator; part of the stamp via this file's source. */
const EMBEDDING_SEED = 0x5eed_b9e;

/**
 * Random token embeddings `[vocabSize, hidden]`, uniform with unit variance per element, and all-zero rows for
 * `zeroIds` (the [PAD], [CLS] and [SEP] tokens), so special tokens add nothing to the bag of tokens.
 */
export function tokenEmbeddings(vocabSize: number, hidden: number, zeroIds: readonly number[]): Float32Array {
  const next = mulberry32(EMBEDDING_SEED);
  const data = new Float32Array(vocabSize * hidden);
  const scale = 2 * Math.sqrt(3);
  for (let i = 0; i < data.length; i++) data[i] = (next() - 0.5) * scale;
  for (const id of zeroIds) data.fill(0, id * hidden, (id + 1) * hidden);
  return data;
}

/** A row-major `[size, size]` identity matrix. */
export function identity(size: number): Float32Array {
  const data = new Float32Array(size * size);
  for (let i = 0; i < size; i++) data[i * size + i] = 1;
  return data;
}
