import { useSyncExternalStore } from 'react';
import type { ChangeVersions } from '../core/status/reducer';
import { statusStore } from '../worker-client/client';
import type { StoreState } from '../worker-client/status-store';

/** The worker's status (model, index, corpus), crash and start error, re-rendering on change. */
export function useStatus(): StoreState {
  return useSyncExternalStore(statusStore.subscribe, statusStore.getSnapshot);
}

/** Counters the worker's `library-changed` and `models-changed` events move; re-read data when one changes. */
export function useChangeVersions(): ChangeVersions {
  return useStatus().status.versions;
}
