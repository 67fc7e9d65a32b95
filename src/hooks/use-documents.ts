import { startTransition, useCallback, useEffect, useState } from 'react';
import { importer } from '../app/importer';
import { errorText } from '../app/message-text';
import type { DocumentSummary } from '../shared/protocol';
import { searchWorker } from '../worker-client/client';
import { useImportPhase } from './use-import';
import { useLibraryVersion } from './use-status';

/** One line of feedback after deleting, hiding or resetting (words from the catalogs' `documents.message`). */
export type DocumentMessage =
  { kind: 'deleted' | 'hidden'; name: string } | { kind: 'shown' } | { kind: 'failed'; text: string };

/** Documents and the actions on them. */
export interface DocumentsState {
  /** Stored documents. */
  documents: DocumentSummary[];
  /** Feedback from the last delete, hide or reset. */
  messages: DocumentMessage[];
  /** An action or an import is running. */
  busy: boolean;
  /** Adds files (picked, dropped or pasted) through the import queue; a drop's files arrive as a promise. */
  addFiles: (files: File[] | Promise<File[]>, directory?: FileSystemDirectoryHandle) => void;
  /** Deletes a user document or hides a bundled one. */
  remove: (doc: DocumentSummary) => void;
  /** Shows hidden bundled articles again. */
  reset: () => void;
}

/** Lists documents, refreshing when the worker says the library changed, and performs document actions. */
export function useDocuments(): DocumentsState {
  const phase = useImportPhase();
  const running = phase === 'running';
  // While an import runs, the library changes after every batch; listing and rendering every document
  // each time made long tasks on the page (the import's per-file report shows what was added), and so did
  // re-rendering on each change. The list is read again when the import pauses or ends.
  const library = useLibraryVersion(!running);
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [messages, setMessages] = useState<DocumentMessage[]>([]);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    searchWorker
      .call('listDocuments', [])
      // Rendered as a transition, in slices: a list of hundreds of rows rendered at once was a long task.
      .then((listed) => startTransition(() => setDocuments(listed)))
      .catch((error: Error) => setMessages([{ kind: 'failed', text: errorText(error) }]));
  }, []);
  const importing = running || phase === 'paused';
  useEffect(() => {
    if (!running) refresh();
  }, [refresh, library, running]);

  const run = (action: () => Promise<DocumentMessage[]>) => {
    setBusy(true);
    action()
      .then(setMessages)
      .catch((error: Error) => setMessages([{ kind: 'failed', text: errorText(error) }]))
      .finally(() => {
        setBusy(false);
        refresh();
      });
  };

  return {
    documents,
    messages,
    busy: busy || importing,
    addFiles: (files, directory) => {
      setMessages([]);
      void importer.importFiles(files, directory);
    },
    remove: (doc) =>
      run(async () => {
        await searchWorker.call('deleteDocument', [doc.id]);
        return [{ kind: doc.origin === 'corpus' ? 'hidden' : 'deleted', name: doc.source }];
      }),
    reset: () =>
      run(async () => {
        await searchWorker.call('resetCorpus', []);
        return [{ kind: 'shown' }];
      }),
  };
}
