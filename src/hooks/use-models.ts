import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/message-text';
import { mayBeModelFile } from '../core/model-folder';
import { findModel } from '../embed/registry';
import type { CachedModel, ImportedModel } from '../shared/protocol';
import { searchWorker } from '../worker-client/client';
import { useModelsVersion } from './use-status';

/** Outcome of the last model action, in words. */
export interface ModelMessage {
  /** What happened. */
  text: string;
  /** Whether it went wrong. */
  error: boolean;
}

/** Cached models and the actions on them. */
export interface ModelsState {
  /** Registry models with files in the browser's model cache. */
  cached: CachedModel[];
  /** Outcome of the last action. */
  message: ModelMessage | undefined;
  /** The model the last folder import stored, to offer switching to it. */
  imported: ImportedModel | undefined;
  /** An action is running. */
  busy: boolean;
  /** Lists the cache again. */
  refresh: () => void;
  /** Deletes a model's cached files. */
  remove: (modelId: string) => void;
  /** Checks a picked model folder and stores it for offline use. */
  importFolder: (files: File[]) => void;
}

/** Lists cached models, refreshing when the worker says they changed, and runs model cache actions in the worker. */
export function useModels(): ModelsState {
  const { t } = useTranslation();
  const models = useModelsVersion();
  const [cached, setCached] = useState<CachedModel[]>([]);
  const [message, setMessage] = useState<ModelMessage>();
  const [imported, setImported] = useState<ImportedModel>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    searchWorker
      .call('cachedModels', [])
      .then(setCached)
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setMessage({ text: errorText(error, t), error: true });
      });
  }, [t]);
  useEffect(refresh, [refresh, models]);

  const run = (action: () => Promise<string>) => {
    setBusy(true);
    action()
      .then((text) => setMessage({ text, error: false }))
      .catch((error: Error) => setMessage({ text: errorText(error, t), error: true }))
      .finally(() => {
        setBusy(false);
        refresh();
      });
  };

  return {
    cached,
    message,
    imported,
    busy,
    refresh,
    remove: (modelId) =>
      run(async () => {
        const { files, bytes } = await searchWorker.call('deleteCachedModel', [modelId]);
        if (files === 0) return t('feedback.noCachedFiles', { model: modelId });
        const again = findModel(modelId)?.source === 'local' ? 'fromSite' : 'download';
        return t(`feedback.deleted.${again}`, { count: files, model: modelId, size: bytes });
      }),
    importFolder: (files) =>
      run(async () => {
        setImported(undefined);
        const picked = await Promise.all(
          files
            .map((file) => ({ file, path: file.webkitRelativePath || file.name }))
            .filter(({ path }) => mayBeModelFile(path))
            .map(async ({ file, path }) => ({ path, bytes: await file.arrayBuffer() })),
        );
        const result = await searchWorker.call(
          'importModelFolder',
          [picked],
          undefined,
          picked.map((file) => file.bytes),
        );
        setImported(result);
        return t('feedback.storedFolder', { model: result.modelId, count: result.files, size: result.bytes });
      }),
  };
}
