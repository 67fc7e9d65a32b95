/**
 * The projection worker: PCA and UMAP of the passage vectors for the embedding map, off the page's thread,
 * cached per index version and method (the last few), so reopening the map costs nothing.
 */
import { pcaProjection, umapProjection, type Projection } from '../src/core/inspect/projection';
import { LruCache } from '../src/core/lru';
import type { FromProjection, ToProjection } from '../src/shared/projection-protocol';
import { SaidError } from './said-error';

/** The map's UMAP seed: the same index always gives the same picture. */
const UMAP_SEED = 42;
const cache = new LruCache<string, Projection>(4);

const post = (message: FromProjection, transfer: Transferable[] = []) => self.postMessage(message, transfer);

function project(request: Extract<ToProjection, { kind: 'project' }>): void {
  const key = `${request.method}\n${request.version}`;
  const started = performance.now();
  let projection = cache.get(key);
  const cached = projection !== undefined;
  if (!projection) {
    projection =
      request.method === 'pca'
        ? pcaProjection(request.vectors, request.dims)
        : umapProjection(request.vectors, request.dims, {
            seed: UMAP_SEED,
            onProgress: (fraction) => post({ kind: 'progress', id: request.id, fraction }),
          });
    cache.set(key, projection);
  }
  const points = projection.points.slice();
  post({ kind: 'points', id: request.id, points, ms: performance.now() - started, cached }, [points.buffer]);
}

self.addEventListener('message', (event: MessageEvent<ToProjection>) => {
  const request = event.data;
  try {
    if (request.kind === 'project') project(request);
    else {
      const projection = cache.get(`${request.method}\n${request.version}`);
      if (!projection)
        throw new SaidError({ code: 'map-gone' }, 'projection: project the passages before placing a query');
      post({ kind: 'placed', id: request.id, point: projection.place(request.vector) });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({
      kind: 'error',
      id: request.id,
      message,
      said: error instanceof SaidError ? error.said : undefined,
    });
  }
});
