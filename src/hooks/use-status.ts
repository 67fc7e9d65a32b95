import { useEffect, useRef, useSyncExternalStore } from 'react';
import { statusStore } from '../worker-client/client';
import type { StoreState } from '../worker-client/status-store';
import { frameBatched } from './frame-batch';

/** The status store's changes, heard at most once per frame (an import's batch brings several). */
const subscribe = frameBatched(statusStore.subscribe);

/** The worker's status (model, index, corpus), crash and start error, re-rendering on every change. */
export function useStatus(): StoreState {
  return useSyncExternalStore(subscribe, statusStore.getSnapshot);
}

/**
 * One part of the worker's status, re-rendering only when that part changes (the reducer keeps a part's
 * identity when an event does not touch it), so a component is not re-rendered by every event.
 *
 * @example
 * const model = useStatusPart((state) => state.status.model);
 */
export function useStatusPart<T>(select: (state: StoreState) => T): T {
  return useSyncExternalStore(subscribe, () => select(statusStore.getSnapshot()));
}

/**
 * The library's version, which the worker's `library-changed` events move (re-read data when it changes).
 * While not `wanted` it stays at the version last seen, so a component that has nothing to re-read now (no
 * query; an import running) is not re-rendered by each change, and hears of them once it wants them again.
 *
 * @example
 * const library = useLibraryVersion(query !== '');
 */
export function useLibraryVersion(wanted = true): number {
  const lastSeen = useRef(0);
  const version = useStatusPart((state) => (wanted ? state.status.versions.library : lastSeen.current));
  useEffect(() => {
    lastSeen.current = version;
  }, [version]);
  return version;
}

/** The models' version, which the worker's `models-changed` events move; re-read cached models when it changes. */
export function useModelsVersion(): number {
  return useStatusPart((state) => state.status.versions.models);
}
