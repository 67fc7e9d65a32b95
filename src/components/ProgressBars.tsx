import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadTotals, type AppStatus } from '../core/status/reducer';

function Bar({ label, value, max, detail }: { label: string; value: number; max: number; detail: string }) {
  return (
    <div className="progress">
      <label>
        {label} <span className="detail">{detail}</span>
        <progress
          value={max > 0 ? value : undefined}
          max={max > 0 ? max : undefined}
          aria-valuetext={detail}
        />
      </label>
    </div>
  );
}

/**
 * Download and indexing progress, with numbers: files and MB; passages done of total and rate. `onCancel`
 * stops a model download (keyword search goes on).
 */
export const ProgressBars = memo(function ProgressBars({
  status,
  onCancel,
}: {
  status: AppStatus;
  onCancel?: () => void;
}) {
  const { model, index } = status;
  const download = downloadTotals(model.files);
  const showDownload = model.phase === 'loading' && download.files > 0;
  const { t } = useTranslation();
  return (
    <section className="progress-area" aria-label={t('progress.label')}>
      {model.phase === 'loading' && download.files === 0 && (
        <p className="detail">{t('progress.loadingModel', { model: model.id })}</p>
      )}
      {showDownload && (
        <Bar
          label={t('progress.modelFiles')}
          value={download.loaded}
          max={download.total}
          detail={t('progress.download', {
            done: download.filesDone,
            files: download.files,
            loaded: download.loaded,
            total: download.total,
          })}
        />
      )}
      {showDownload && onCancel && (
        <button type="button" onClick={onCancel} data-testid="cancel-download">
          {t('progress.cancel')}
        </button>
      )}
      {index.phase === 'indexing' && (
        <Bar
          label={t('progress.indexing')}
          value={index.done}
          max={index.toEmbed}
          detail={
            t('progress.indexed', { done: index.done, count: index.toEmbed, rate: index.perSec }) +
            (index.reused ? t('progress.reused', { count: index.reused }) : '')
          }
        />
      )}
    </section>
  );
});
