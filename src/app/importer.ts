/**
 * The page's one import runner, wired to the search worker, the import journal and a Web Lock (held while
 * an import is unfinished, so another tab of the app does not offer to resume an import this tab runs).
 */
import { ImportJournal } from '../storage/import-journal';
import { searchWorker } from '../worker-client/client';
import { ImportRunner, type ImportOutcome } from './import-runner';

const LOCK = 'semantic-search-import';

/** Imports files a bounded batch at a time; see {@link ImportRunner}. */
export const importer = new ImportRunner({
  addFiles: (files) =>
    searchWorker.call(
      'addFiles',
      [files],
      undefined,
      files.map((file) => file.bytes),
    ),
  listDocuments: () => searchWorker.call('listDocuments', []),
  deleteDocument: (docId) => searchWorker.call('deleteDocument', [docId]),
  journal: ImportJournal.open<ImportOutcome>().catch(() => undefined),
  now: () => performance.now(),
  holdLock: (until) => void navigator.locks?.request(LOCK, () => until),
  lockHeld: async () => ((await navigator.locks?.query())?.held ?? []).some((lock) => lock.name === LOCK),
});
