/**
 * Embeds passages in length-sorted batches and stores each batch's vectors as it completes, so an
 * interrupted run resumes where it stopped. Progress events are throttled to keep the page smooth.
 */
import { embedInBatches } from '../src/core/embed-batches';
import type { StatusEvent } from '../src/core/status/events';
import type { Passage } from '../src/core/types';
import { groupRowsByDocument } from '../src/core/vector/by-document';
import type { Embedder } from '../src/embed/loader';
import { putVectorBatches, type SearchDb } from '../src/storage';

const PROGRESS_INTERVAL_MS = 200;

/** What {@link embedPassages} needs. */
export interface EmbedJob {
  /** Database to write vectors into. */
  db: SearchDb;
  /** Model id the vectors belong to. */
  modelId: string;
  /** The embedder. */
  embedder: Embedder;
  /** Passages to embed. */
  passages: readonly Passage[];
  /** Status sink. */
  emit: (event: StatusEvent) => void;
  /** Called with each stored batch (ids and packed vectors), e.g. to grow the in-memory matrix. */
  onBatch?: (ids: string[], vectors: Float32Array) => void;
}

/**
 * Embeds the passages and stores their vectors: one transaction per embedding call, one record per document
 * within it. Returns the number of passages embedded.
 */
export async function embedPassages(job: EmbedJob): Promise<number> {
  const { db, modelId, embedder, passages, emit, onBatch } = job;
  const dims = embedder.dims;
  const started = performance.now();
  let lastReport = 0;
  return embedInBatches(embedder, passages, async (batch, vectors, done) => {
    const ids = batch.map((passage) => passage.id);
    await putVectorBatches(
      db,
      groupRowsByDocument(ids, vectors, dims).map((rows) => ({ modelId, dims, ...rows })),
    );
    onBatch?.(ids, vectors);
    const now = performance.now();
    if (now - lastReport >= PROGRESS_INTERVAL_MS || done === passages.length) {
      lastReport = now;
      emit({ type: 'index-progress', done, total: passages.length, perSec: (done * 1000) / (now - started) });
    }
  });
}
