import { useCallback, useEffect, useState } from 'react';
import { refusalBeforeReading } from '../core/formats';
import { importBatches } from '../core/import-batches';
import type { AddFileResult, DocumentSummary } from '../shared/protocol';
import { messageText } from '../app/messages-en';
import { searchWorker } from '../worker-client/client';
import { useChangeVersions } from './use-status';

/** One line of feedback after adding, deleting or resetting. */
export interface DocumentMessage {
  /** File or document name. */
  name: string;
  /** What happened, in words. */
  text: string;
  /** Whether it went wrong. */
  error: boolean;
}

/** Documents and the actions on them. */
export interface DocumentsState {
  /** Stored documents. */
  documents: DocumentSummary[];
  /** Feedback from the last action. */
  messages: DocumentMessage[];
  /** An action is running. */
  busy: boolean;
  /** Adds files (picked, dropped or pasted); a drop's files arrive as a promise (folders are walked first). */
  addFiles: (files: File[] | Promise<File[]>) => void;
  /** Deletes a user document or hides a bundled one. */
  remove: (doc: DocumentSummary) => void;
  /** Shows hidden bundled articles again. */
  reset: () => void;
}

function describe(result: AddFileResult): DocumentMessage {
  if (!result.ok) return { name: result.name, text: result.message, error: true };
  const text = result.duplicate
    ? 'already in the library; nothing added'
    : result.vectorsPending
      ? messageText({ code: 'vectors-pending', passages: result.passages, storageFull: result.storageFull })
      : `added: ${result.passages} passages, searchable now`;
  return { name: result.name, text, error: false };
}

/** Lists documents, refreshing when the worker says the library changed, and performs document actions. */
export function useDocuments(): DocumentsState {
  const { library } = useChangeVersions();
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [messages, setMessages] = useState<DocumentMessage[]>([]);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    searchWorker
      .call('listDocuments', [])
      .then(setDocuments)
      .catch((error: Error) => setMessages([{ name: 'documents', text: error.message, error: true }]));
  }, []);
  useEffect(refresh, [refresh, library]);

  const run = (action: () => Promise<DocumentMessage[]>) => {
    setBusy(true);
    action()
      .then(setMessages)
      .catch((error: Error) => setMessages([{ name: 'documents', text: error.message, error: true }]))
      .finally(() => {
        setBusy(false);
        refresh();
      });
  };

  return {
    documents,
    messages,
    busy,
    addFiles: (pending) =>
      run(async () => {
        const files = await pending;
        // A file over its format's limit is refused from its size alone, before it is read.
        const refused = files.flatMap((file) => refusalBeforeReading(file.name, file.size) ?? []);
        const accepted = files.filter((file) => !refusalBeforeReading(file.name, file.size));
        // Read and sent a batch at a time, so a large folder is never in memory at once.
        const results = [];
        for (const batch of importBatches(accepted)) {
          const inputs = await Promise.all(
            batch.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })),
          );
          results.push(...(await searchWorker.call('addFiles', [inputs])));
        }
        const refusals = refused.map((error) => ({ name: error.source, text: error.message, error: true }));
        return [...refusals, ...results.map(describe)];
      }),
    remove: (doc) =>
      run(async () => {
        await searchWorker.call('deleteDocument', [doc.id]);
        const text =
          doc.origin === 'corpus' ? 'hidden; Reset brings it back' : 'deleted with its passages and vectors';
        return [{ name: doc.source, text, error: false }];
      }),
    reset: () =>
      run(async () => {
        await searchWorker.call('resetCorpus', []);
        return [{ name: 'corpus', text: 'bundled articles shown again', error: false }];
      }),
  };
}
