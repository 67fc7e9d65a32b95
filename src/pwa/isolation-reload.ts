/**
 * One reload to become cross-origin isolated on hosts that cannot send COOP/COEP: the first visit is
 * served without them; once the service worker is active, a reload is served by it, with them.
 */

/** sessionStorage key set before the reload, so a page that stays unisolated never reloads twice. */
const RELOADED_KEY = 'pwa:isolation-reload';

/**
 * Reloads the page once when it is not cross-origin isolated and a service worker is (or becomes) active:
 * after the first install, and after a hard reload that bypassed the worker. Does nothing when isolation is
 * already on, without service workers, or after one try in this tab. Returns a function that stops waiting.
 *
 * @example
 * useEffect(() => reloadOnceForIsolation(), []);
 */
export function reloadOnceForIsolation(): () => void {
  if (window.crossOriginIsolated || !('serviceWorker' in navigator)) return () => {};
  if (sessionStorage.getItem(RELOADED_KEY) !== null) return () => {};
  let cancelled = false;
  void navigator.serviceWorker.ready.then(() => {
    if (cancelled) return;
    sessionStorage.setItem(RELOADED_KEY, '1');
    window.location.reload();
  });
  return () => {
    cancelled = true;
  };
}
