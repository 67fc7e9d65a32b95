/// <reference types="vite-plugin-pwa/react" />
/**
 * The service worker's state for the page: registers it, reports "offline ready" and "update waiting",
 * and reloads once into cross-origin isolation on hosts that cannot send the headers.
 */
import { useCallback, useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { reloadOnceForIsolation } from '../pwa/isolation-reload';

/** What the PWA notices show and do. */
export interface PwaState {
  /** The app and its runtime are cached: it now starts without a network. */
  offlineReady: boolean;
  /** A new version is installed and waiting for the page to reload. */
  updateWaiting: boolean;
  /** Activates the waiting version and reloads the page. */
  update: () => void;
  /** Hides the notices (the same function on every render). */
  dismiss: () => void;
}

/** Registers the service worker and exposes its notices. */
export function usePwa(): PwaState {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [updateWaiting, setUpdateWaiting],
    updateServiceWorker,
  } = useRegisterSW();

  useEffect(() => reloadOnceForIsolation(), []);
  const dismiss = useCallback(() => {
    setOfflineReady(false);
    setUpdateWaiting(false);
  }, [setOfflineReady, setUpdateWaiting]);

  return {
    offlineReady,
    updateWaiting,
    update: () => void updateServiceWorker(true),
    dismiss,
  };
}
