/**
 * Runs the import queue (`src/core/import-queue.ts`) on the page: reads each batch's files, sends them to
 * the worker (buffers transferred, not copied), records finished files in the import journal so a reload
 * can resume, and after a whole folder is imported finds the documents whose files are gone. Holds its
 * state for `useSyncExternalStore`; every decision is a pure transition of the queue.
 */
import { directoryFiles, mayRead } from '../components/import/directory-files';
import { refusalBeforeReading } from '../core/formats';
import {
  cancelImport,
  failBatch,
  fileKeyId,
  finishBatch,
  isOver,
  pauseImport,
  queueImport,
  startImport,
  takeBatch,
  type FileKey,
  type Finished,
  type ImportQueue,
} from '../core/import-queue';
import { staleDocuments } from '../core/import-stale';
import type { IngestErrorReason } from '../core/text/decode';
import { fileRefusal } from '../extract/refusal';
import type { FileRefusal } from '../shared/messages';
import type { AddFileResult, DocumentSummary, FileInput } from '../shared/protocol';
import type { ImportJournal, JournalImport } from '../storage/import-journal';
import { errorText } from './message-text';

/** What happened to one file of an import. */
export type ImportOutcome =
  /** The worker's answer (added, already in the library, or refused with its message). */
  | { kind: 'result'; result: AddFileResult }
  /** Refused from its name or size before it was read (an unsupported kind of file, empty, too large). */
  | { kind: 'refused'; reason: IngestErrorReason; refusal: FileRefusal }
  /** The browser could not read it (moved, deleted or changed since it was picked). */
  | { kind: 'unreadable' };

/** An import a reload or a closed tab interrupted, offered for resuming. */
export interface ResumeOffer {
  /** Files in it. */
  total: number;
  /** Files it finished. */
  done: number;
  /** The folder can be read again from its handle (picked with `showDirectoryPicker`). */
  reopenable: boolean;
  /** Resume was chosen but the files must be picked again (no handle, or its permission was refused). */
  pickAgain: boolean;
}

/** What the import panel shows. */
export interface ImportState {
  /** The running import, or the last one (with its report). */
  queue?: ImportQueue<ImportOutcome>;
  /** An interrupted import to resume or discard. */
  offer?: ResumeOffer;
  /** Documents of the re-imported folder whose files are gone; removed only when asked. */
  stale: DocumentSummary[];
  /** A new import was refused because one is unfinished. */
  refusedBusy: boolean;
  /** When the state last changed (the runner's clock), for rates and time left. */
  at: number;
}

/** What the runner needs from the page: the worker's calls, the journal, the clock, a lock across tabs. */
export interface ImportRunnerDeps {
  /** Adds files in the worker (transferring their buffers). */
  addFiles(files: FileInput[]): Promise<AddFileResult[]>;
  /** Lists the library's documents. */
  listDocuments(): Promise<DocumentSummary[]>;
  /** Deletes a document. */
  deleteDocument(docId: string): Promise<void>;
  /** The journal; `undefined` when IndexedDB is unavailable (imports then cannot be resumed). */
  journal: Promise<ImportJournal<ImportOutcome> | undefined>;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Holds a lock named for imports until `until` settles (so another tab does not offer to resume it). */
  holdLock(until: Promise<void>): void;
  /** Whether another tab holds that lock now. */
  lockHeld(): Promise<boolean>;
}

/**
 * Most milliseconds of reading file keys before yielding to the page: a long task is 50 ms, and on a busy
 * machine a slice's wall time is several times its own.
 */
const KEY_SLICE_MS = 8;

/** Lets the page run its other tasks (input, rendering) before the caller goes on. */
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Orders paths by code unit, like the files of a folder listed top to bottom. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Passages a finished file added (none for a duplicate or a refusal). */
function passagesOf(result: AddFileResult): number {
  return result.ok && !result.duplicate ? result.passages : 0;
}

/** A file's path in its import: inside the folder picked with `<input webkitdirectory>`, else its name. */
const pathOf = (file: File): string => file.webkitRelativePath || file.name;

const keyOf = (file: File): FileKey => ({
  path: pathOf(file),
  size: file.size,
  lastModified: file.lastModified,
});

/**
 * The page's import runner.
 *
 * @example
 * const runner = new ImportRunner(deps);
 * runner.importFiles(files); runner.pause(); runner.resume(); runner.cancel();
 */
export class ImportRunner {
  private state: ImportState = { stale: [], refusedBusy: false, at: 0 };
  private readonly listeners = new Set<() => void>();
  private files: File[] = [];
  private importId = '';
  private pumping = false;
  /**
   * An import was asked for and its files are being listed and keyed (with yields to the page) before its
   * queue exists; meanwhile another import is refused and no interrupted import is offered.
   */
  private starting = false;
  private release: () => void = () => undefined;
  private interrupted?: { started: JournalImport; finished: Map<number, Finished<ImportOutcome>> };

  constructor(private readonly deps: ImportRunnerDeps) {}

  /** Current state (stable identity between changes). */
  readonly getSnapshot = (): ImportState => this.state;

  /** Subscribes to changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Looks for an interrupted import (not one another tab is running) and offers to resume it. */
  async checkInterrupted(): Promise<void> {
    const journal = await this.deps.journal;
    const interrupted = await journal?.interrupted().catch(() => undefined);
    if (!interrupted || (await this.deps.lockHeld()) || this.state.queue || this.starting) return;
    this.interrupted = interrupted;
    const { started, finished } = interrupted;
    this.set({
      offer: {
        total: started.files.length,
        done: finished.size,
        reopenable: started.directory !== undefined,
        pickAgain: false,
      },
    });
  }

  /**
   * Imports files (named by their path in a picked or dropped folder). Refused while an import is
   * unfinished; starting one forgets an interrupted import that was offered.
   */
  async importFiles(pending: File[] | Promise<File[]>, directory?: FileSystemDirectoryHandle): Promise<void> {
    if (this.starting || (this.state.queue && !isOver(this.state.queue)))
      return this.set({ refusedBusy: true });
    await this.begin(pending, new Map(), directory);
  }

  /** Resumes the offered import: reads its folder again through the handle, or asks to pick it again. */
  async resumeInterrupted(): Promise<void> {
    const { interrupted } = this;
    if (!interrupted || !this.state.offer) return;
    const { directory } = interrupted.started;
    if (directory === undefined || !(await mayRead(directory)))
      return this.set({ offer: { ...this.state.offer, pickAgain: true } });
    await this.resumeWith(directoryFiles(directory), directory);
  }

  /** Resumes the offered import with the folder or files picked again; files it finished are skipped. */
  async resumeWith(pending: File[] | Promise<File[]>, directory?: FileSystemDirectoryHandle): Promise<void> {
    const { interrupted } = this;
    if (!interrupted || this.starting) return;
    const earlier = new Map<string, Finished<ImportOutcome>>();
    for (const [index, entry] of interrupted.finished) {
      const key = interrupted.started.files[index];
      if (key) earlier.set(fileKeyId(key), entry);
    }
    await this.begin(pending, earlier, directory ?? interrupted.started.directory);
  }

  /** Forgets the offered import. */
  async discardInterrupted(): Promise<void> {
    this.interrupted = undefined;
    this.set({ offer: undefined });
    await (await this.deps.journal)?.clear();
  }

  /** Pauses: no new batch starts; the one at the worker finishes. */
  pause(): void {
    if (this.state.queue) this.set({ queue: pauseImport(this.state.queue, this.deps.now()) });
  }

  /** Resumes a paused import. */
  resume(): void {
    if (!this.state.queue) return;
    this.set({ queue: startImport(this.state.queue, this.deps.now()) });
    void this.pump();
  }

  /** Cancels: finished files stay in the library; the rest are not read. */
  cancel(): void {
    if (!this.state.queue || isOver(this.state.queue)) return;
    this.set({ queue: cancelImport(this.state.queue, this.deps.now()) });
    void this.ended();
  }

  /** Deletes the documents offered as stale (the user clicked "Remove N documents"). */
  async removeStale(): Promise<void> {
    const stale = this.state.stale;
    this.set({ stale: [] });
    for (const doc of stale) await this.deps.deleteDocument(doc.id);
  }

  /** Keeps the documents offered as stale. */
  keepStale(): void {
    this.set({ stale: [] });
  }

  /**
   * Starts an import of `pending`'s files; those whose key is in `earlier` start finished. An interrupted
   * import that was offered is forgotten once the files are listed (kept if listing them fails).
   */
  private async begin(
    pending: File[] | Promise<File[]>,
    earlier: Map<string, Finished<ImportOutcome>>,
    directory?: FileSystemDirectoryHandle,
  ): Promise<void> {
    this.starting = true;
    let keyed;
    try {
      keyed = await this.keyed(await pending);
    } finally {
      this.starting = false;
    }
    this.interrupted = undefined;
    // In path order, whatever order the browser listed them in, so an import reads a folder top to bottom.
    keyed.sort((a, b) => compare(a.key.path, b.key.path));
    this.files = keyed.map(({ file }) => file);
    this.importId = crypto.randomUUID();
    const queue = startImport(
      queueImport(
        keyed.map(({ key }) => key),
        earlier,
      ),
      this.deps.now(),
    );
    this.set({ queue, offer: undefined, stale: [], refusedBusy: false });
    this.deps.holdLock(new Promise<void>((resolve) => (this.release = resolve)));
    const journal = await this.deps.journal;
    // The journal names the files in the queue's order: the indexes it records for finished files are the
    // queue's, and a resume reads them back against this list.
    await journal
      ?.begin({ id: this.importId, startedAt: Date.now(), files: queue.files, directory })
      .then(() =>
        this.journal(queue.finished.flatMap((entry, index) => (entry ? [{ index, ...entry }] : []))),
      )
      .catch(() => undefined); // without a journal the import still runs; it just cannot resume
    await this.pump();
  }

  /**
   * The files with their keys, read a slice at a time: Chromium fetches a picked file's size and date from
   * the browser process on first access (about 1.5 ms a file here), so a folder of thousands read in one go
   * froze the page for seconds. Yields to the page every {@link KEY_SLICE_MS}.
   */
  private async keyed(files: File[]): Promise<{ file: File; key: FileKey }[]> {
    const keyed: { file: File; key: FileKey }[] = [];
    await yieldToPage(); // not in the task of the picker's `change` event, which has its own work
    let sliceStart = this.deps.now();
    for (const file of files) {
      keyed.push({ file, key: keyOf(file) });
      if (this.deps.now() - sliceStart < KEY_SLICE_MS) continue;
      await yieldToPage();
      sliceStart = this.deps.now();
    }
    return keyed;
  }

  /** Runs batches while the import is running; the one loop that talks to the worker. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const { queue, batch } = takeBatch(this.state.queue!, this.deps.now());
        if (batch.length === 0) break;
        this.set({ queue });
        let results;
        try {
          results = await this.runBatch(batch);
        } catch (error) {
          this.set({ queue: failBatch(this.state.queue!, errorText(error as Error), this.deps.now()) });
          break;
        }
        this.set({ queue: finishBatch(this.state.queue!, results, this.deps.now()) });
        await this.journal(results);
      }
    } finally {
      this.pumping = false;
    }
    if (this.state.queue && isOver(this.state.queue)) await this.ended();
  }

  /**
   * Reads a batch's files and has the worker add them; refusals and unreadable files need no worker. Files
   * are read one after another, each in a task of its own (starting a read asks the browser process about
   * the file), and refused by the size in their key, read when the import started.
   */
  private async runBatch(batch: number[]): Promise<({ index: number } & Finished<ImportOutcome>)[]> {
    const read: { index: number; input?: FileInput; outcome?: ImportOutcome }[] = [];
    for (const index of batch) {
      const { path: name, size } = this.state.queue!.files[index]!;
      const refusal = refusalBeforeReading(name, size);
      if (refusal) {
        const outcome: ImportOutcome = {
          kind: 'refused',
          reason: refusal.reason,
          refusal: fileRefusal(refusal, name),
        };
        read.push({ index, outcome });
        continue;
      }
      try {
        read.push({ index, input: { name, bytes: await this.files[index]!.arrayBuffer() } });
      } catch {
        read.push({ index, outcome: { kind: 'unreadable' } });
      }
    }
    const inputs = read.flatMap((entry) => entry.input ?? []);
    const results = inputs.length > 0 ? await this.deps.addFiles(inputs) : [];
    let next = 0;
    return read.map(({ index, outcome }) => {
      if (outcome) return { index, outcome, passages: 0 };
      const result = results[next++]!;
      return { index, outcome: { kind: 'result', result }, passages: passagesOf(result) };
    });
  }

  private async journal(entries: ({ index: number } & Finished<ImportOutcome>)[]): Promise<void> {
    if (entries.length === 0) return;
    await (await this.deps.journal)?.record(this.importId, entries).catch(() => undefined);
  }

  /** The import is over: forget its journal, let other tabs offer again, look for stale documents. */
  private async ended(): Promise<void> {
    this.release();
    await (await this.deps.journal)?.clear().catch(() => undefined);
    const queue = this.state.queue;
    if (queue?.phase !== 'done' || this.pumping) return;
    const imported = queue.files.map((file, index) => {
      const outcome = queue.finished[index]?.outcome;
      const result = outcome?.kind === 'result' ? outcome.result : undefined;
      return { path: file.path, docId: result?.ok ? result.docId : undefined };
    });
    const stale = staleDocuments(await this.deps.listDocuments(), imported);
    if (this.state.queue === queue) this.set({ stale });
  }

  private set(change: Partial<ImportState>): void {
    this.state = { ...this.state, ...change, at: this.deps.now() };
    for (const listener of this.listeners) listener();
  }
}
