/**
 * Brings one model's vector index up to date: plan → clear → meta → embed → matrix. Vectors are stored batch
 * by batch, so an interrupted build resumes where it stopped.
 */
import { corpusHash, planIndexing } from '../src/core/index-plan';
import type { StatusEvent } from '../src/core/status/events';
import type { Passage } from '../src/core/types';
import { VectorMatrix } from '../src/core/vector/matrix';
import {
  clearModelVectors,
  getIndexMeta,
  putIndexMeta,
  readVectors,
  type SearchDb,
  type StoredVectors,
} from '../src/storage';
import { embedPassages } from './indexer';
import type { LoadedModel } from './model-host';

/** What {@link buildIndex} needs. */
export interface BuildJob {
  /** The database. */
  db: SearchDb;
  /** The loaded model. */
  loaded: LoadedModel;
  /** Every current passage. */
  passages: Passage[];
  /** Status sink. */
  emit: (event: StatusEvent) => void;
  /** This model's stored vectors, when already read (while the model loaded). */
  preloaded?: StoredVectors;
}

/**
 * Embeds what has no vector yet (or everything, when the stored vectors cannot be reused) and returns the
 * matrix of every current passage's vector. Emits `index-started`, progress and `index-ready`.
 *
 * @example
 * const matrix = await buildIndex({ db, loaded, passages: library.allPassages(), emit });
 */
export async function buildIndex(job: BuildJob): Promise<VectorMatrix> {
  const { db, loaded, passages, emit } = job;
  const started = performance.now();
  const modelId = loaded.model.id;
  const dims = loaded.embedder.dims;
  const hash = corpusHash(passages);
  const before = job.preloaded ?? (await readVectors(db, modelId));
  const plan = planIndexing({
    passages,
    embedded: new Set(before.passageIds),
    meta: await getIndexMeta(db, modelId),
    modelId,
    dims,
  });
  if (plan.action === 'rebuild') await clearModelVectors(db, modelId);
  const meta = { modelId, dims, corpusHash: hash, passageCount: passages.length, updatedAt: Date.now() };
  // Written before the first batch so that an interrupted run resumes instead of rebuilding.
  if (plan.action !== 'reuse') await putIndexMeta(db, { ...meta, complete: false });
  const toEmbed = new Set(plan.toEmbed);
  emit({
    type: 'index-started',
    total: passages.length,
    toEmbed: toEmbed.size,
    reused: passages.length - toEmbed.size,
  });
  const embedded = await embedPassages({
    db,
    modelId,
    embedder: loaded.embedder,
    passages: passages.filter((passage) => toEmbed.has(passage.id)),
    emit,
  });
  if (plan.action !== 'reuse') await putIndexMeta(db, { ...meta, complete: true, updatedAt: Date.now() });
  const stored = plan.action === 'reuse' ? before : await readVectors(db, modelId);
  const matrix = VectorMatrix.fromRows(stored.passageIds, stored.rows, dims);
  matrix.remove(plan.orphaned);
  emit({ type: 'index-ready', passages: matrix.size, embedded, ms: Math.round(performance.now() - started) });
  return matrix;
}

/**
 * The matrix of what is stored for a model, without embedding (after an import or a clear).
 *
 * @example
 * const matrix = await readMatrix(db, loaded);
 */
export async function readMatrix(db: SearchDb, loaded: LoadedModel): Promise<VectorMatrix> {
  const stored = await readVectors(db, loaded.model.id);
  return VectorMatrix.fromRows(stored.passageIds, stored.rows, loaded.embedder.dims);
}
