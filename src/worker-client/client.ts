/**
 * The app's single search-worker connection, its status store and the owner of its lifecycle.
 */
import { WorkerBridge } from './bridge';
import { EngineLifecycle } from './engine-lifecycle';
import { StatusStore } from './status-store';

/** Status of the worker, for hooks. */
export const statusStore = new StatusStore();

/** A new search worker (the main engine's, or a second engine for comparing models). */
export const createSearchWorker = (): Worker =>
  new Worker(new URL('../../workers/search.worker.ts', import.meta.url), {
    type: 'module',
    name: 'search',
  });

/** The connection to the search worker; the worker starts on the first call. */
export const searchWorker = new WorkerBridge(createSearchWorker, {
  onEvent: (event) => statusStore.apply(event),
  onCrash: (message) => statusStore.crashed(message),
});

/** Starts, retries, restarts and cancels the engine. */
export const engineLifecycle = new EngineLifecycle(searchWorker, statusStore);
