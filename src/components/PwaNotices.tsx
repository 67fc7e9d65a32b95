import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePwa } from '../hooks/use-pwa';
import '../pwa/notices.css';

/** How long the "ready to work offline" notice stays before it goes by itself. */
const OFFLINE_READY_MS = 8000;

/**
 * The service worker's notices: "ready to work offline" after the first install (it goes by itself), and
 * "update available" (it stays until answered).
 */
export const PwaNotices = memo(function PwaNotices() {
  const { offlineReady, updateWaiting, update, dismiss } = usePwa();
  const { t } = useTranslation();
  useEffect(() => {
    if (!offlineReady || updateWaiting) return;
    const timer = setTimeout(dismiss, OFFLINE_READY_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, updateWaiting, dismiss]);
  if (!offlineReady && !updateWaiting) return null;
  return (
    <div className="pwa-notice" role="status" data-testid="pwa-notice">
      {updateWaiting ? (
        <>
          <span>{t('pwa.updateAvailable')}</span>
          <button type="button" onClick={update}>
            {t('pwa.reload')}
          </button>
        </>
      ) : (
        <span>{t('pwa.offlineReady')}</span>
      )}
      <button type="button" onClick={dismiss} aria-label={t('pwa.dismiss')}>
        ×
      </button>
    </div>
  );
});
