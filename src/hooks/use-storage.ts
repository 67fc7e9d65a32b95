import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportRunning } from './use-import';
import { useLibraryVersion, useModelsVersion } from './use-status';

/** This site's storage as the browser reports it, and persistence. */
export interface StorageState {
  /** Bytes used by this site, once known. */
  usage?: number;
  /** Bytes this site may use, once known. */
  quota?: number;
  /** Whether the browser keeps this site's data under storage pressure, once known. */
  persisted?: boolean;
  /** The answer to the last persistence request, in words; empty before one. */
  persistResult: string;
  /** Whether this browser has the Storage API at all. */
  supported: boolean;
  /** Reads usage, quota and persistence again. */
  refresh: () => void;
  /** Asks the browser to keep this site's data (must run in the page). */
  requestPersist: () => void;
}

const supported = typeof navigator !== 'undefined' && 'storage' in navigator;

/** Storage used and available (`navigator.storage.estimate()`) and persistence, re-read when stored data changes. */
export function useStorage(): StorageState {
  const { t } = useTranslation();
  // While an import runs the library changes after every batch; the figures are read again when it pauses
  // or ends, not re-rendered (with the model panel around them) each time.
  const library = useLibraryVersion(!useImportRunning());
  const models = useModelsVersion();
  const [estimate, setEstimate] = useState<StorageEstimate>({});
  const [persisted, setPersisted] = useState<boolean>();
  const [persistResult, setPersistResult] = useState('');

  const refresh = useCallback(() => {
    if (!supported) return;
    navigator.storage
      .estimate()
      .then(setEstimate)
      .catch(() => setEstimate({}));
    navigator.storage
      .persisted()
      .then(setPersisted)
      .catch(() => setPersisted(undefined));
  }, []);
  useEffect(refresh, [refresh, library, models]);

  const requestPersist = () => {
    if (!supported) {
      setPersistResult(t('feedback.persistUnsupported'));
      return;
    }
    navigator.storage
      .persist()
      .then((granted) => {
        setPersisted(granted);
        setPersistResult(t(granted ? 'feedback.persistGranted' : 'feedback.persistDenied'));
      })
      .catch((error: Error) => setPersistResult(t('feedback.persistFailed', { detail: error.message })));
  };

  return {
    usage: estimate.usage,
    quota: estimate.quota,
    persisted,
    persistResult,
    supported,
    refresh,
    requestPersist,
  };
}
