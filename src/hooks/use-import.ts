import { useEffect, useSyncExternalStore } from 'react';
import { importer } from '../app/importer';
import type { ImportState } from '../app/import-runner';
import type { ImportPhase } from '../core/import-queue';

/** The import runner's state, re-rendering on every change (progress included). */
export function useImport(): ImportState {
  return useSyncExternalStore(importer.subscribe, importer.getSnapshot);
}

/**
 * The import's phase only, re-rendering when it changes, not on every batch's progress; looks once for an
 * interrupted import to offer.
 */
export function useImportPhase(): ImportPhase | undefined {
  useEffect(() => void importer.checkInterrupted(), []);
  return useSyncExternalStore(importer.subscribe, () => importer.getSnapshot().queue?.phase);
}
