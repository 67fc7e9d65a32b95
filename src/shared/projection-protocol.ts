/**
 * Messages between the page and the projection worker (`workers/projection.worker.ts`). Types only.
 */
import type { Message } from './messages';

/** Projection methods: PCA (instant) or UMAP (seeded, with progress). */
export type ProjectionMethod = 'pca' | 'umap';

/** What the page asks. */
export type ToProjection =
  | {
      kind: 'project';
      id: number;
      method: ProjectionMethod;
      /** Index version: a repeated request for the same version and method is answered from the cache. */
      version: string;
      dims: number;
      /** Packed vectors (transferred). */
      vectors: Float32Array;
    }
  | { kind: 'place'; id: number; method: ProjectionMethod; version: string; vector: Float32Array };

/** What the worker answers. */
export type FromProjection =
  | { kind: 'progress'; id: number; fraction: number }
  | { kind: 'points'; id: number; points: Float32Array; ms: number; cached: boolean }
  | { kind: 'placed'; id: number; point: [number, number] }
  /** `message` in English (logs); `said`, when set, is what the page shows in the reader's language. */
  | { kind: 'error'; id: number; message: string; said?: Message };
