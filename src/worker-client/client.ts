/**
 * The app's single search-worker connection and its status store.
 */
import { WorkerBridge } from './bridge';
import { StatusStore } from './status-store';

/** Status of the worker, for hooks. */
export const statusStore = new StatusStore();

/** The connection to the search worker; the worker starts on the first call. */
export const searchWorker = new WorkerBridge(
  () =>
    new Worker(new URL('../../workers/search.worker.ts', import.meta.url), {
      type: 'module',
      name: 'search',
    }),
  { onEvent: (event) => statusStore.apply(event), onCrash: (message) => statusStore.crashed(message) },
);
