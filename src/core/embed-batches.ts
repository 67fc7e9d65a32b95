/**
 * The embed loop shared by the app's indexer and the Node evaluation: passages in length-sorted batches
 * ({@link planBatches}), each batch's packed vectors handed on as it completes, stored while the next embeds.
 */
import { planBatches, type Sized } from './batching';

/** Anything that turns texts into packed vectors (the app's `Embedder` is one). */
export interface TextEmbedder {
  /** Returns packed `texts.length × dims` vectors. */
  embed(texts: string[]): Promise<Float32Array>;
}

/**
 * Embeds every passage batch by batch and hands each batch on with `onBatch` (the batch, its vectors and
 * the running count), in order. A batch's `onBatch` (storing it) runs while the next batch is embedded:
 * the embedder never waits for storage, and at most one `onBatch` is pending. Returns the number of
 * passages embedded once every `onBatch` has finished; the first failure of either side rejects.
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
  let storing: Promise<void> = Promise.resolve();
  for (const batch of planBatches(passages)) {
    const [vectors] = await Promise.all([embedder.embed(batch.map((passage) => passage.text)), storing]);
    done += batch.length;
    storing = Promise.resolve(onBatch(batch, vectors, done));
  }
  await storing;
  return done;
}
