/**
 * The search worker's entry: owns the model and the database, answers calls from the page, and emits
 * status events. The logic lives in the engine; this file only moves messages.
 */
import type { FromWorker, ToWorker, WorkerError } from '../src/shared/protocol';
import { SearchEngine } from './engine';

const post = (message: FromWorker): void => self.postMessage(message);
const engine = new SearchEngine((event) => post({ kind: 'event', event }));

function toWorkerError(error: unknown): WorkerError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const { id, method, args } = event.data;
  const handler = engine[method] as (...args: unknown[]) => Promise<unknown>;
  handler
    .apply(engine, args as unknown[])
    .then((value) => post({ kind: 'result', id, value }))
    .catch((error: unknown) => post({ kind: 'error', id, error: toWorkerError(error) }));
});
