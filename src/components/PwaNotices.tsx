import { usePwa } from '../hooks/use-pwa';
import '../pwa/notices.css';

/** The service worker's notices: "ready to work offline" after the first install, and "update available". */
export function PwaNotices() {
  const { offlineReady, updateWaiting, update, dismiss } = usePwa();
  if (!offlineReady && !updateWaiting) return null;
  return (
    <div className="pwa-notice" role="status" data-testid="pwa-notice">
      {updateWaiting ? (
        <>
          <span>A new version is available.</span>
          <button type="button" onClick={update}>
            Reload
          </button>
        </>
      ) : (
        <span>Ready to work offline: the app and its runtime are saved in this browser.</span>
      )}
      <button type="button" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
