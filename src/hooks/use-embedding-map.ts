import { useEffect, useState } from 'react';
import { errorText } from '../app/message-text';
import type { PassageVectors } from '../shared/inspect';
import type { ProjectionMethod } from '../shared/projection-protocol';
import { placeVector, projectVectors } from '../worker-client/projection';
import { searchWorker } from '../worker-client/client';

/** What the embedding map draws. */
export interface EmbeddingMapState {
  /** Passage vectors with their documents (without a projection yet). */
  data?: PassageVectors;
  /** Projected passages, packed `[x, y]`. */
  points?: Float32Array;
  /** The query on the same projection. */
  queryPoint?: [number, number];
  /** UMAP progress 0–1 while it runs. */
  progress?: number;
  /** Milliseconds the projection took in the worker (0 when cached). */
  ms?: number;
  /** Error in words. */
  error?: string;
}

/**
 * Reads the passage vectors once, projects them in the projection worker with `method`, and places the
 * query vector whenever it changes.
 */
export function useEmbeddingMap(
  method: ProjectionMethod,
  query: Float32Array | undefined,
): EmbeddingMapState {
  const [data, setData] = useState<PassageVectors>();
  const [projected, setProjected] = useState<{
    method: ProjectionMethod;
    points: Float32Array;
    ms: number;
  }>();
  const [placed, setPlaced] = useState<{ query: Float32Array; point: [number, number] }>();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    searchWorker
      .call('passageVectors', [])
      .then(setData)
      .catch((e: Error) => setError(errorText(e)));
  }, []);
  useEffect(() => {
    if (!data) return;
    let live = true;
    projectVectors(method, data.version, data.vectors.slice(), data.dims, (f) => live && setProgress(f))
      .then(({ points, ms, cached }) => live && setProjected({ method, points, ms: cached ? 0 : ms }))
      .catch((e: Error) => live && setError(errorText(e)))
      .finally(() => live && setProgress(undefined));
    return () => {
      live = false;
    };
  }, [data, method]);
  const ready = projected?.method === method ? projected : undefined;
  useEffect(() => {
    if (!data || !ready || !query) return;
    let live = true;
    placeVector(method, data.version, query)
      .then(({ point }) => live && setPlaced({ query, point }))
      .catch((e: Error) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [data, ready, method, query]);
  return {
    data,
    points: ready?.points,
    queryPoint: ready && placed?.query === query ? placed?.point : undefined,
    progress,
    ms: ready?.ms,
    error,
  };
}
