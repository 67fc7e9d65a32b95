import { useCallback, useEffect, useState } from 'react';
import { useChangeVersions } from './use-status';

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
  const { library, models } = useChangeVersions();
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
      setPersistResult('This browser cannot keep data persistently.');
      return;
    }
    navigator.storage
      .persist()
      .then((granted) => {
        setPersisted(granted);
        setPersistResult(
          granted
            ? 'Granted: the browser will not clear cached models and documents to free space.'
            : 'Not granted: the browser may clear this data when space runs low. Browsers grant it more readily to installed or often-used sites.',
        );
      })
      .catch((error: Error) => setPersistResult(`The request failed: ${error.message}`));
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
