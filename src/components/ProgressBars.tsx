import { downloadTotals, type AppStatus } from '../core/status/reducer';

const MB = 1024 * 1024;

function Bar({ label, value, max, detail }: { label: string; value: number; max: number; detail: string }) {
  return (
    <div className="progress">
      <label>
        {label} <span className="detail">{detail}</span>
        <progress value={max > 0 ? value : undefined} max={max > 0 ? max : undefined} />
      </label>
    </div>
  );
}

/**
 * Download and indexing progress, with numbers: files and MB; passages done of total and rate. `onCancel`
 * stops a model download (keyword search goes on).
 */
export function ProgressBars({ status, onCancel }: { status: AppStatus; onCancel?: () => void }) {
  const { model, index } = status;
  const download = downloadTotals(model.files);
  const showDownload = model.phase === 'loading' && download.files > 0;
  return (
    <section className="progress-area" aria-label="progress">
      {model.phase === 'loading' && download.files === 0 && <p className="detail">Loading {model.id}…</p>}
      {showDownload && (
        <Bar
          label="Model files"
          value={download.loaded}
          max={download.total}
          detail={`${download.filesDone}/${download.files} files · ${(download.loaded / MB).toFixed(1)} of ${(download.total / MB).toFixed(1)} MB`}
        />
      )}
      {showDownload && onCancel && (
        <button type="button" onClick={onCancel} data-testid="cancel-download">
          Cancel download
        </button>
      )}
      {index.phase === 'indexing' && (
        <Bar
          label="Indexing"
          value={index.done}
          max={index.toEmbed}
          detail={`${index.done} of ${index.toEmbed} passages · ${index.perSec.toFixed(1)} passages/s${index.reused ? ` · ${index.reused} reused` : ''}`}
        />
      )}
    </section>
  );
}
