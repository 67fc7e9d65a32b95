import { memo } from 'react';
import { modelLabel } from '../app/model-label';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { MODELS } from '../embed/registry';
import { useModels } from '../hooks/use-models';
import { useStatusPart } from '../hooks/use-status';
import { useStorage, type StorageState } from '../hooks/use-storage';
import { RuntimeNotes } from './RuntimeNotes';

/** `webkitdirectory` is not in React's input attributes; Chromium, Firefox and Safari all know it. */
const FOLDER_PICKER = { webkitdirectory: '' };

function storageSize(t: TFunction, bytes: number | undefined): string {
  return bytes === undefined ? t('models.unknown') : t('models.storageSize', { size: bytes });
}

function persistenceText(t: TFunction, storage: StorageState): string {
  if (storage.persistResult) return storage.persistResult;
  if (storage.persisted === undefined) return t('models.unknown');
  return t(storage.persisted ? 'models.persisted' : 'models.notPersisted');
}

function StorageSection({ storage }: { storage: StorageState }) {
  const { t } = useTranslation();
  return (
    <div
      className="storage-info"
      data-testid="storage"
      data-usage={storage.usage ?? ''}
      data-quota={storage.quota ?? ''}
    >
      <p>
        <Trans
          t={t}
          i18nKey="models.storage"
          values={{ used: storageSize(t, storage.usage), available: storageSize(t, storage.quota) }}
          components={{
            used: <b data-testid="storage-used" />,
            available: <b data-testid="storage-available" />,
          }}
        />
      </p>
      <p>
        {t('models.persistent')}{' '}
        <span data-testid="persisted" data-persisted={storage.persisted ?? ''}>
          {persistenceText(t, storage)}
        </span>{' '}
        {!storage.persisted && (
          <button type="button" onClick={storage.requestPersist} data-testid="request-persist">
            {t('models.requestPersist')}
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
export const ModelManager = memo(function ModelManager({ currentModelId, onUseModel }: ModelManagerProps) {
  const model = useStatusPart((state) => state.status.model);
  const models = useModels();
  const storage = useStorage();
  const { imported } = models;
  const cachedBytes = models.cached.reduce((sum, entry) => sum + entry.bytes, 0);
  const { t } = useTranslation();
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
        {t('models.summary', {
          count: models.cached.length,
          size: cachedBytes,
          used: storageSize(t, storage.usage),
        })}
      </summary>
      <p className="detail" data-testid="runtime">
        {t('models.runtime', {
          model: model.id || currentModelId,
          phase: t(`phase.${model.phase}`),
          device: model.device || '—',
          dtype: model.dtype || '—',
        })}{' '}
        {model.device === 'webgpu'
          ? t('models.gpu')
          : t(model.isolated ? 'models.threads' : 'models.threadsNotIsolated', {
              threads: model.threads || '—',
            })}
      </p>
      <RuntimeNotes model={model} />
      <StorageSection storage={storage} />
      <table className="models-table">
        <thead>
          <tr>
            <th>{t('models.column.model')}</th>
            <th>{t('models.column.download')}</th>
            <th>{t('models.column.cached')}</th>
            <th>
              <span className="visually-hidden">{t('models.column.actions')}</span>
            </th>
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
                  <b>{modelLabel(entry, t)}</b>
                  <div className="source">
                    {t('models.idDims', { id: entry.id, dims: entry.dims })}
                    {entry.id === currentModelId && ` · ${t('models.inUse')}`}
                  </div>
                </td>
                <td>{t('models.approxSize', { size: entry.sizeMB })}</td>
                <td data-testid="cache-state">
                  {cached
                    ? t('models.cachedFiles', { size: cached.bytes, count: cached.files.length })
                    : t('models.notCached')}
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
                      {t('models.delete')}
                    </button>
                  )}
                  {entry.id !== currentModelId && (
                    <button type="button" onClick={() => onUseModel(entry.id)}>
                      {t('models.use')}
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
          {t('models.loadFolder')}
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
          <Trans t={t} i18nKey="models.folderHint" components={{ code: <code /> }} />
        </span>
      </div>
      {models.busy && <p className="detail">{t('common.working')}</p>}
      {models.message && (
        <p className={models.message.error ? 'error' : 'notice'} role="status" data-testid="model-message">
          {models.message.text}
        </p>
      )}
      {imported && (
        <button type="button" data-testid="use-imported" onClick={() => onUseModel(imported.modelId)}>
          {t(imported.modelId === currentModelId ? 'models.reloadWith' : 'models.switchTo', {
            model: imported.modelId,
          })}
        </button>
      )}
    </details>
  );
});
