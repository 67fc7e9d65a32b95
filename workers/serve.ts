/**
 * Moves messages between the page and the engine: each call runs with its own `AbortSignal`, which fires
 * when the page aborts the call; results carrying an `ArrayBuffer` in `bytes` transfer it instead of copying.
 */
import { IndexFileError } from '../src/core/index-file';
import { ModelFolderError } from '../src/core/model-folder';
import { SaidError } from './said-error';
import type { FromWorker, SearchWorkerApi, ToWorker, WorkerError } from '../src/shared/protocol';

/** The worker's side of a message channel (`self` in a worker, a `MessagePort` in tests). */
export interface Endpoint {
  /** Sends a message, moving the listed buffers. */
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  /** Receives messages. */
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

/**
 * Answers calls arriving at `endpoint` with `engine`'s methods, passing each call's `AbortSignal` last.
 *
 * @example
 * serveEngine(self, new SearchEngine(deps));
 */
export function serveEngine(endpoint: Endpoint, engine: SearchWorkerApi): void {
  const running = new Map<number, AbortController>();
  const post = (message: FromWorker, transfer: Transferable[] = []) =>
    endpoint.postMessage(message, transfer);
  endpoint.addEventListener('message', ({ data }) => {
    if (data.kind === 'abort') return running.get(data.id)?.abort();
    const { id, method, args } = data;
    const controller = new AbortController();
    running.set(id, controller);
    const handler = engine[method] as (...args: unknown[]) => Promise<unknown>;
    Promise.resolve()
      .then(() => handler.apply(engine, [...(args as unknown[]), controller.signal]))
      .then((value) => post({ kind: 'result', id, value }, transferablesOf(value)))
      .catch((error: unknown) => post({ kind: 'error', id, error: toWorkerError(error) }))
      .finally(() => running.delete(id));
  });
}

/** The buffer of a result's `bytes` field (an exported index), to transfer. */
function transferablesOf(value: unknown): Transferable[] {
  const bytes = (value as { bytes?: unknown } | undefined)?.bytes;
  return bytes instanceof ArrayBuffer ? [bytes] : [];
}

function toWorkerError(error: unknown): WorkerError {
  if (error instanceof IndexFileError) {
    return {
      name: error.name,
      message: error.message,
      said: { code: 'index-file-refused', ...error.problem },
    };
  }
  if (error instanceof ModelFolderError) {
    return {
      name: error.name,
      message: error.message,
      said: { code: 'model-folder-refused', ...error.problem },
    };
  }
  if (error instanceof SaidError) return { name: error.name, message: error.message, said: error.said };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
