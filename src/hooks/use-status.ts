import { useSyncExternalStore } from 'react';
import type { ChangeVersions } from '../core/status/reducer';
import { statusStore } from '../worker-client/client';
import type { StoreState } from '../worker-client/status-store';

/** The worker's status (model, index, corpus), crash and start error, re-rendering on every change. */
export function useStatus(): StoreState {
  return useSyncExternalStore(statusStore.subscribe, statusStore.getSnapshot);
}

/**
 * One part of the worker's status, re-rendering only when that part changes (the reducer keeps a part's
 * identity when an event does not touch it), so a component is not re-rendered by every event.
 *
 * @example
 * const model = useStatusPart((state) => state.status.model);
 */
export function useStatusPart<T>(select: (state: StoreState) => T): T {
  return useSyncExternalStore(statusStore.subscribe, () => select(statusStore.getSnapshot()));
}

/** Counters the worker's `library-changed` and `models-changed` events move; re-read data when one changes. */
export function useChangeVersions(): ChangeVersions {
  return useStatusPart((state) => state.status.versions);
}

/**
 * The library's version while `wanted` (re-read data when it changes), else `undefined`: a component that has
 * nothing to re-read now (no query; an import running) is not re-rendered by each change.
 */
export function useLibraryVersion(wanted: boolean): number | undefined {
  return useStatusPart((state) => (wanted ? state.status.versions.library : undefined));
}
