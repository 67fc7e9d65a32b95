import { useEffect, useSyncExternalStore } from 'react';
import { importer } from '../app/importer';
import type { ImportState } from '../app/import-runner';
import type { ImportPhase } from '../core/import-queue';
import { frameBatched } from './frame-batch';

/** The runner's changes, heard at most once per frame. */
const subscribe = frameBatched(importer.subscribe);

/** The import runner's state, re-rendering on its changes (progress included), at most once per frame. */
export function useImport(): ImportState {
  return useSyncExternalStore(subscribe, importer.getSnapshot);
}

/**
 * The import's phase only, re-rendering when it changes, not on every batch's progress; looks once for an
 * interrupted import to offer.
 */
export function useImportPhase(): ImportPhase | undefined {
  useEffect(() => void importer.checkInterrupted(), []);
  return useSyncExternalStore(subscribe, () => importer.getSnapshot().queue?.phase);
}

/** Whether an import is running now (not paused or over), re-rendering only when that changes. */
export function useImportRunning(): boolean {
  return useSyncExternalStore(subscribe, () => importer.getSnapshot().queue?.phase === 'running');
}
