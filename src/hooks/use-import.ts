import { useEffect, useSyncExternalStore } from 'react';
import { importer } from '../app/importer';
import type { ImportState } from '../app/import-runner';

/** The import runner's state, re-rendering on change; looks once for an interrupted import to offer. */
export function useImport(): ImportState {
  useEffect(() => void importer.checkInterrupted(), []);
  return useSyncExternalStore(importer.subscribe, importer.getSnapshot);
}
