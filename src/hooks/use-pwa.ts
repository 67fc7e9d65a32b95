/// <reference types="vite-plugin-pwa/react" />
/**
 * The service worker's state for the page: registers it, reports "offline ready" and "update waiting",
 * and reloads once into cross-origin isolation on hosts that cannot send the headers.
 */
import { useEffect } from 'react';
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
  /** Hides the notices. */
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

  return {
    offlineReady,
    updateWaiting,
    update: () => void updateServiceWorker(true),
    dismiss: () => {
      setOfflineReady(false);
      setUpdateWaiting(false);
    },
  };
}
