import { MODELS } from '../embed/registry';
import { megabytes, useModels } from '../hooks/use-models';
import { useStatus } from '../hooks/use-status';
import { useStorage, type StorageState } from '../hooks/use-storage';

/** `webkitdirectory` is not in React's input attributes; Chromium, Firefox and Safari all know it. */
const FOLDER_PICKER = { webkitdirectory: '' };

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return 'unknown';
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : megabytes(bytes);
}

function persistenceText(storage: StorageState): string {
  if (storage.persistResult) return storage.persistResult;
  if (storage.persisted === undefined) return 'unknown';
  return storage.persisted
    ? 'yes: kept under storage pressure'
    : 'no: the browser may clear it to free space';
}

function StorageSection({ storage }: { storage: StorageState }) {
  return (
    <div
      className="storage-info"
      data-testid="storage"
      data-usage={storage.usage ?? ''}
      data-quota={storage.quota ?? ''}
    >
      <p>
        Storage: <b data-testid="storage-used">{formatBytes(storage.usage)}</b> used of{' '}
        <b data-testid="storage-available">{formatBytes(storage.quota)}</b> available to this site
      </p>
      <p>
        Persistent storage:{' '}
        <span data-testid="persisted" data-persisted={storage.persisted ?? ''}>
          {persistenceText(storage)}
        </span>{' '}
        {!storage.persisted && (
          <button type="button" onClick={storage.requestPersist} data-testid="request-persist">
            Ask the browser to keep this data
          </button>
        )}
      </p>
    </div>
  );
}

interface ModelManagerProps {
  /** The model this page uses. */
  currentModelId: string;
  /** Reloads the page with another model. */
  onUseModel: (modelId: string) => void;
}

/** Models: what is cached and how much, deleting, loading one from a folder, device facts and storage. */
export function ModelManager({ currentModelId, onUseModel }: ModelManagerProps) {
  const { status } = useStatus();
  const { model } = status;
  const models = useModels();
  const storage = useStorage();
  const { imported } = models;
  const cachedBytes = models.cached.reduce((sum, entry) => sum + entry.bytes, 0);
  const refresh = () => {
    models.refresh();
    storage.refresh();
  };
  return (
    <details
      className="model-manager"
      data-testid="model-manager"
      onToggle={(event) => event.currentTarget.open && refresh()}
    >
      <summary>
        Models and storage · {models.cached.length} cached ({megabytes(cachedBytes)}) ·{' '}
        {formatBytes(storage.usage)} used
      </summary>
      <p className="detail" data-testid="runtime">
        {model.id || currentModelId}: {model.phase} · device {model.device || '—'} · dtype{' '}
        {model.dtype || '—'} ·{' '}
        {model.device === 'webgpu'
          ? 'GPU'
          : `${model.threads || '—'} threads${model.isolated ? '' : ' (not cross-origin isolated)'}`}
      </p>
      {model.dtypeReason && (
        <p className="detail" data-testid="dtype-reason">
          Precision {model.dtype}: {model.dtypeReason}
        </p>
      )}
      {model.deviceChoice && (
        <p className="detail" data-testid="device-choice">
          Measured at warm-up: {model.deviceChoice}
        </p>
      )}
      <StorageSection storage={storage} />
      <table className="models-table">
        <thead>
          <tr>
            <th>Model</th>
            <th>Download</th>
            <th>In this browser</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {MODELS.map((entry) => {
            const cached = models.cached.find((item) => item.modelId === entry.id);
            return (
              <tr
                key={entry.id}
                data-testid="model-row"
                data-model-id={entry.id}
                data-cached={cached ? 'true' : 'false'}
              >
                <td>
                  <b>{entry.label}</b>
                  <div className="source">
                    {entry.id} · {entry.dims} dims{entry.id === currentModelId && ' · in use'}
                  </div>
                </td>
                <td>~{entry.sizeMB} MB</td>
                <td data-testid="cache-state">
                  {cached
                    ? `cached: ${megabytes(cached.bytes)} in ${cached.files.length} files`
                    : 'not cached'}
                  {cached && <div className="source">{cached.files.map((file) => file.file).join(', ')}</div>}
                </td>
                <td className="actions">
                  {cached && (
                    <button
                      type="button"
                      onClick={() => models.remove(entry.id)}
                      disabled={models.busy}
                      data-testid="delete-model"
                    >
                      Delete
                    </button>
                  )}
                  {entry.id !== currentModelId && (
                    <button type="button" onClick={() => onUseModel(entry.id)}>
                      Use
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="add-files">
        <label className="button">
          Load a model from a folder…
          <input
            type="file"
            {...FOLDER_PICKER}
            data-testid="model-folder"
            className="visually-hidden"
            disabled={models.busy}
            onChange={(event) => {
              models.importFolder(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
        </label>
        <span className="detail">
          No internet? Pick a model folder (config.json, tokenizer.json, tokenizer_config.json, onnx/) named
          after the model, e.g. bge-small-zh-v1.5 from <code>npm run fetch-model</code>.
        </span>
      </div>
      {models.busy && <p className="detail">Working…</p>}
      {models.message && (
        <p className={models.message.error ? 'error' : 'notice'} role="status" data-testid="model-message">
          {models.message.text}
        </p>
      )}
      {imported && (
        <button type="button" data-testid="use-imported" onClick={() => onUseModel(imported.modelId)}>
          {imported.modelId === currentModelId ? 'Reload' : 'Switch'} to {imported.modelId} now
        </button>
      )}
    </details>
  );
}
