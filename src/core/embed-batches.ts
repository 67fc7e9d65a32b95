/**
 * The embed loop shared by the app's indexer and the Node evaluation: passages in length-sorted batches
 * ({@link planBatches}), each batch's packed vectors handed on as it completes.
 */
import { planBatches, type Sized } from './batching';

/** Anything that turns texts into packed vectors (the app's `Embedder` is one). */
export interface TextEmbedder {
  /** Returns packed `texts.length × dims` vectors. */
  embed(texts: string[]): Promise<Float32Array>;
}

/**
 * Embeds every passage batch by batch, awaiting `onBatch` (with the batch, its vectors and the running count)
 * before the next batch starts. Returns the number of passages embedded.
 *
 * @example
 * await embedInBatches(embedder, passages, async (batch, vectors) => matrix.append(batch.map((p) => p.id), vectors));
 */
export async function embedInBatches<T extends Sized & { text: string }>(
  embedder: TextEmbedder,
  passages: readonly T[],
  onBatch: (batch: T[], vectors: Float32Array, done: number) => Promise<void> | void,
): Promise<number> {
  let done = 0;
  for (const batch of planBatches(passages)) {
    const vectors = await embedder.embed(batch.map((passage) => passage.text));
    done += batch.length;
    await onBatch(batch, vectors, done);
  }
  return done;
}
