import { useTranslation } from 'react-i18next';
import { importer } from '../../app/importer';
import { importProgress, isOver } from '../../core/import-queue';
import { useImport } from '../../hooks/use-import';
import { groupCounts } from './ImportReport';
import { ResumeOffer } from './ResumeOffer';
import { StaleDocuments } from './StaleDocuments';

/**
 * The import queue as the user sees it: a progress bar of files done, passages added, rates and time left,
 * Pause/Resume and Cancel; when it ends, what happened to the files (each file's line is in the documents
 * panel). Also the offer to resume an interrupted import and to remove documents whose files are gone.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const { queue, offer, stale, refusedBusy, at } = useImport();
  if (!queue && !offer) return null;
  const progress = queue && importProgress(queue, at);
  const counts = queue && isOver(queue) ? groupCounts(queue) : undefined;
  return (
    <section className="import-area" aria-label={t('importQueue.label')}>
      {offer && <ResumeOffer offer={offer} />}
      {queue && progress && (
        <div
          className="import-queue"
          data-testid="import-queue"
          data-state={queue.phase}
          data-done={progress.done}
          data-total={progress.total}
          data-in-flight={queue.inFlight.length}
          data-passages={progress.passages}
        >
          <label>
            {t(`importQueue.phase.${queue.phase}`)}{' '}
            <span className="detail">
              {t('importQueue.files', { done: progress.done, count: progress.total })}
              {' · '}
              {t('importQueue.passages', { count: progress.passages })}
            </span>
            <progress
              value={progress.done}
              max={Math.max(1, progress.total)}
              aria-valuetext={t('importQueue.files', { done: progress.done, count: progress.total })}
            />
          </label>
          {!isOver(queue) && (
            <p className="detail" data-testid="import-rate">
              {progress.filesPerSecond === undefined
                ? t('importQueue.measuring')
                : t('importQueue.rate', {
                    files: progress.filesPerSecond,
                    passages: progress.passagesPerSecond,
                  }) +
                  ' · ' +
                  t('importQueue.timeLeft', { time: progress.secondsLeft })}
            </p>
          )}
          {queue.phase === 'paused' && queue.inFlight.length > 0 && (
            <p className="detail">{t('importQueue.pausing', { count: queue.inFlight.length })}</p>
          )}
          {queue.problem && <p className="error">{t('importQueue.problem', { problem: queue.problem })}</p>}
          {counts && (
            <p className="notice" data-testid="import-summary">
              {t('importQueue.summary', counts)}
              {queue.phase === 'cancelled' && ` ${t('importQueue.cancelledKept', { count: progress.done })}`}
            </p>
          )}
          {refusedBusy && !isOver(queue) && <p className="notice">{t('importQueue.busy')}</p>}
          <div className="import-actions">
            {queue.phase === 'running' && (
              <button type="button" data-testid="import-pause" onClick={() => importer.pause()}>
                {t('importQueue.pause')}
              </button>
            )}
            {queue.phase === 'paused' && (
              <button type="button" data-testid="import-resume" onClick={() => importer.resume()}>
                {t('importQueue.resume')}
              </button>
            )}
            {!isOver(queue) && (
              <button type="button" data-testid="import-cancel" onClick={() => importer.cancel()}>
                {t('importQueue.cancel')}
              </button>
            )}
          </div>
        </div>
      )}
      {stale.length > 0 && <StaleDocuments documents={stale} />}
    </section>
  );
}
