import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/message-text';
import { searchWorker } from '../worker-client/client';

/** Index export, import and clearing, with the last outcome in words. */
export interface IndexTransfer {
  /** Outcome of the last action. */
  message: { text: string; error: boolean } | undefined;
  /** An action is running. */
  busy: boolean;
  /** Downloads the index as a file. */
  exportIndex: () => void;
  /** Imports an index file. */
  importIndex: (file: File) => void;
  /** Deletes all stored data. */
  clearAll: () => void;
}

function download(fileName: string, bytes: ArrayBuffer): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Actions of the data panel, run in the worker. */
export function useIndexTransfer(): IndexTransfer {
  const { t } = useTranslation();
  const [message, setMessage] = useState<IndexTransfer['message']>();
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<string>) => {
    setBusy(true);
    action()
      .then((text) => setMessage({ text, error: false }))
      .catch((error: Error) => setMessage({ text: errorText(error, t), error: true }))
      .finally(() => setBusy(false));
  };
  return {
    message,
    busy,
    exportIndex: () =>
      run(async () => {
        const { fileName, bytes } = await searchWorker.call('exportIndex', []);
        download(fileName, bytes);
        return t('feedback.exported', { file: fileName, size: bytes.byteLength });
      }),
    importIndex: (file) =>
      run(async () => {
        const bytes = await file.arrayBuffer();
        // Transferred, not copied: an index file can be tens of megabytes.
        const result = await searchWorker.call('importIndex', [bytes], undefined, [bytes]);
        return t('feedback.imported', {
          count: result.documents,
          passages: result.passages,
          model: result.modelId,
        });
      }),
    clearAll: () =>
      run(async () => {
        await searchWorker.call('clearAllData', []);
        return t('feedback.cleared');
      }),
  };
}
