/**
 * The parts of the page that follow the worker's every status event: error banners, the model's notices,
 * progress bars, notices and the status bar. Each subscribes to the status itself, so an event (several per
 * batch of an import) re-renders these and not the whole page.
 */
import { useTranslation } from 'react-i18next';
import { findModel } from '../embed/registry';
import { ErrorBanner } from '../components/ErrorBanner';
import { Notices } from '../components/Notices';
import { ProgressBars } from '../components/ProgressBars';
import { PwaNotices } from '../components/PwaNotices';
import { StatusBar } from '../components/StatusBar';
import { useStatus } from '../hooks/use-status';
import { engineLifecycle } from '../worker-client/client';
import { messageText } from './message-text';
import { modelNoticeText } from './model-notes-text';

const retry = () => engineLifecycle.retry();
const restart = () => engineLifecycle.restart();
const cancelIndexing = () => engineLifecycle.cancel();

/** Banners for a crashed worker, a failed start, model or index; notices; progress bars (for `modelId`). */
export function EngineNotices({ modelId }: { modelId: string }) {
  const { t } = useTranslation();
  const { status, crash, startError, startSaid } = useStatus();
  return (
    <>
      {crash && (
        <ErrorBanner
          summary={t('error.crashed')}
          message={t('feedback.crashed', { reason: crash })}
          onRetry={restart}
          offerTestModels={false}
        />
      )}
      {startError && !crash && (
        <ErrorBanner
          summary={t('error.startFailed')}
          message={startSaid ? messageText(startSaid, t) : startError}
          onRetry={restart}
          offerTestModels={false}
        />
      )}
      {status.model.phase === 'failed' && (
        <ErrorBanner
          summary={t('error.modelFailed', { model: modelId })}
          message={status.model.error ? messageText(status.model.error, t) : ''}
          onRetry={retry}
          offerTestModels={!findModel(modelId)?.testModel}
        />
      )}
      {status.index.phase === 'failed' && (
        <ErrorBanner
          summary={t('error.indexFailed')}
          message={status.index.error ? messageText(status.index.error, t) : ''}
          onRetry={retry}
          offerTestModels={false}
        />
      )}
      <PwaNotices />
      {status.model.notices.map((notice) => (
        <p className="notice" key={notice.code} data-testid="model-notice" data-notice={notice.code}>
          {modelNoticeText(notice, t)}
        </p>
      ))}
      <ProgressBars status={status} onCancel={cancelIndexing} />
      <Notices notices={status.notices} />
    </>
  );
}

/** The status bar at the foot of the page, following the worker's status. */
export function LiveStatusBar() {
  return <StatusBar status={useStatus().status} />;
}
