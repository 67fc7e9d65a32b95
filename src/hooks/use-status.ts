import { useSyncExternalStore } from 'react';
import { statusStore } from '../worker-client/client';
import type { StoreState } from '../worker-client/status-store';

/** The worker's status (model, index, corpus) and crash message, re-rendering on change. */
export function useStatus(): StoreState {
  return useSyncExternalStore(statusStore.subscribe, statusStore.getSnapshot);
}
