/**
 * The import journal: what an import of many files has finished, so a reload or a closed tab can resume it.
 *
 * Its own small database, kept by the page, not a store of the search database: the search database
 * belongs to the worker, but everything here is the page's — a `FileSystemDirectoryHandle` must be asked
 * for permission again on the page (`requestPermission` needs a click, which only a window has), and the
 * files are read on the page. Writing here needs no message to the worker per batch and no migration of
 * the search schema; clearing the library leaves at worst a stale offer, which Discard forgets.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { FileKey, Finished } from '../core/import-queue';
import { openDatabase } from './open';
import { withStorageErrors } from './errors';

/** Name of the journal's database. */
export const JOURNAL_DB_NAME = 'import-journal';

/** An import as started: its files and, for a folder picked with `showDirectoryPicker`, its handle. */
export interface JournalImport {
  /** Random id, so finished files of an older import are never mixed in. */
  id: string;
  /** When it started (ms since the epoch). */
  startedAt: number;
  /** Every file of the import, in order. */
  files: readonly FileKey[];
  /** The picked folder, which can be read again after a reload once permission is granted. */
  directory?: FileSystemDirectoryHandle;
}

/** Files of one batch that finished, with their results. */
interface FinishedBatch<O> {
  /** The import they belong to. */
  importId: string;
  /** Index into the import's files, with the result. */
  entries: ({ index: number } & Finished<O>)[];
}

interface JournalSchema<O> extends DBSchema {
  imports: { key: 'current'; value: JournalImport };
  finished: { key: number; value: FinishedBatch<O> };
}

/** An interrupted import as read back: its record and every file it finished, by index. */
export interface InterruptedImport<O> {
  /** The import as started. */
  started: JournalImport;
  /** Finished files by index into `started.files`. */
  finished: Map<number, Finished<O>>;
}

/**
 * Where an import writes its progress: one record when it starts, one per finished batch, and nothing
 * once it ends (done, cancelled or discarded).
 *
 * @example
 * const journal = await ImportJournal.open<Outcome>();
 * await journal.begin({ id, startedAt: Date.now(), files });
 * await journal.record(id, [{ index: 0, outcome, passages: 3 }]);
 */
export class ImportJournal<O> {
  private constructor(private readonly db: IDBPDatabase<JournalSchema<O>>) {}

  /** Opens the journal (through `factory`, fake-indexeddb in tests). */
  static async open<O>(factory: IDBFactory = globalThis.indexedDB): Promise<ImportJournal<O>> {
    const db = await openDatabase<JournalSchema<O>>(factory, JOURNAL_DB_NAME, 1, {
      upgrade: (database) => {
        database.createObjectStore('imports');
        database.createObjectStore('finished', { autoIncrement: true });
      },
      blocking: () => db.close(),
    });
    return new ImportJournal(db);
  }

  /** Starts recording a new import, forgetting any earlier one. */
  begin(started: JournalImport): Promise<void> {
    return withStorageErrors(async () => {
      const tx = this.db.transaction(['imports', 'finished'], 'readwrite');
      await Promise.all([
        tx.objectStore('finished').clear(),
        tx.objectStore('imports').put(started, 'current'),
        tx.done,
      ]);
    });
  }

  /**
   * Records finished files of the import `importId`; if another import has begun since, they are ignored
   * when read back ({@link interrupted} keeps only the current import's). The current import is not read
   * here: it names every file of the import, and reading it back for each batch of a large import cost more
   * than the batch's own record.
   */
  record(importId: string, entries: FinishedBatch<O>['entries']): Promise<void> {
    return withStorageErrors(async () => {
      const tx = this.db.transaction('finished', 'readwrite');
      await Promise.all([tx.store.add({ importId, entries }), tx.done]);
    });
  }

  /** The import that began and never ended, with what it finished; `undefined` when there is none. */
  async interrupted(): Promise<InterruptedImport<O> | undefined> {
    const tx = this.db.transaction(['imports', 'finished']);
    const [started, batches] = await Promise.all([
      tx.objectStore('imports').get('current'),
      tx.objectStore('finished').getAll(),
    ]);
    if (!started) return undefined;
    const finished = new Map<number, Finished<O>>();
    for (const batch of batches) {
      if (batch.importId !== started.id) continue;
      for (const { index, outcome, passages } of batch.entries) finished.set(index, { outcome, passages });
    }
    return { started, finished };
  }

  /** Forgets the import: it ended, or the user discarded it. */
  clear(): Promise<void> {
    return withStorageErrors(async () => {
      const tx = this.db.transaction(['imports', 'finished'], 'readwrite');
      await Promise.all([tx.objectStore('imports').clear(), tx.objectStore('finished').clear(), tx.done]);
    });
  }
}
