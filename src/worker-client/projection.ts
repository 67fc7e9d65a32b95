/**
 * The page's connection to the projection worker, started on first use.
 */
import type { FromProjection, ProjectionMethod, ToProjection } from '../shared/projection-protocol';
import { RemoteError } from './bridge';

let worker: Worker | undefined;
let nextId = 0;

function connection(): Worker {
  worker ??= new Worker(new URL('../../workers/projection.worker.ts', import.meta.url), {
    type: 'module',
    name: 'projection',
  });
  return worker;
}

function request<T>(
  message: ToProjection,
  transfer: Transferable[],
  onProgress?: (f: number) => void,
): Promise<T> {
  const target = connection();
  return new Promise<T>((resolve, reject) => {
    const listen = (event: MessageEvent<FromProjection>) => {
      const reply = event.data;
      if (reply.id !== message.id) return;
      if (reply.kind === 'progress') return onProgress?.(reply.fraction);
      target.removeEventListener('message', listen);
      if (reply.kind === 'error')
        reject(new RemoteError({ name: 'ProjectionError', message: reply.message, said: reply.said }));
      else resolve(reply as T);
    };
    target.addEventListener('message', listen);
    target.postMessage(message, transfer);
  });
}

/**
 * Projects packed vectors to 2-D in the worker (cached there per version and method); `vectors` is
 * transferred. Resolves with packed `[x, y]` pairs.
 *
 * @example
 * const { points } = await projectVectors('pca', data.version, data.vectors, data.dims);
 */
export function projectVectors(
  method: ProjectionMethod,
  version: string,
  vectors: Float32Array,
  dims: number,
  onProgress?: (fraction: number) => void,
): Promise<{ points: Float32Array; ms: number; cached: boolean }> {
  return request(
    { kind: 'project', id: ++nextId, method, version, dims, vectors },
    [vectors.buffer],
    onProgress,
  );
}

/**
 * Places one more vector (the query) on a projection made earlier for `version`.
 *
 * @example
 * const { point } = await placeVector('pca', data.version, queryVector);
 */
export function placeVector(
  method: ProjectionMethod,
  version: string,
  vector: Float32Array,
): Promise<{ point: [number, number] }> {
  return request({ kind: 'place', id: ++nextId, method, version, vector: vector.slice() }, []);
}
