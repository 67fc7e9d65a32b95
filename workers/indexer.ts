/**
 * Embeds passages in length-sorted batches and stores each batch's vectors as it completes, so an
 * interrupted run resumes where it stopped. Progress events are throttled to keep the page smooth.
 */
import { planBatches } from '../src/core/batching';
import type { StatusEvent } from '../src/core/status/events';
import type { Passage } from '../src/core/types';
import type { Embedder } from '../src/embed/loader';
import { putVectorBatches, type SearchDb, type VectorBatch } from '../src/storage';

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
 * within it.
 * Returns the number of passages embedded.
 */
export async function embedPassages(job: EmbedJob): Promise<number> {
  const { db, modelId, embedder, passages, emit, onBatch } = job;
  const dims = embedder.dims;
  const started = performance.now();
  let lastReport = 0;
  let done = 0;
  for (const batch of planBatches(passages)) {
    const vectors = await embedder.embed(batch.map((passage) => passage.text));
    const byDoc = new Map<string, number[]>();
    batch.forEach((passage, row) => byDoc.set(passage.docId, [...(byDoc.get(passage.docId) ?? []), row]));
    const records: VectorBatch[] = [...byDoc].map(([docId, rows]) => {
      const data = new Float32Array(rows.length * dims);
      rows.forEach((row, i) => data.set(vectors.subarray(row * dims, (row + 1) * dims), i * dims));
      const members = rows.map((row) => batch[row] as Passage);
      const firstIndex = Math.min(...members.map((passage) => passage.index));
      return { modelId, docId, firstIndex, passageIds: members.map((passage) => passage.id), dims, data };
    });
    await putVectorBatches(db, records);
    onBatch?.(
      batch.map((passage) => passage.id),
      vectors,
    );
    done += batch.length;
    const now = performance.now();
    if (now - lastReport >= PROGRESS_INTERVAL_MS || done === passages.length) {
      lastReport = now;
      emit({ type: 'index-progress', done, total: passages.length, perSec: (done * 1000) / (now - started) });
    }
  }
  return done;
}
