/**
 * The library as stored: brings the bundled corpus in, loads documents, passages and the keyword index
 * into memory, reloads them after storage changed underneath, and saves the keyword index for next time
 * (in parts, once changes pause: a save is a cache, and a start after a lost one patches what was saved).
 */
import type { StatusEvent } from '../src/core/status/events';
import { createTokenCounter, type TokenCounter } from '../src/core/tokenize/bert-tokenizer';
import { getKeywordSnapshot, listDocuments, putKeywordSnapshot, readPassages } from '../src/storage';
import { syncCorpus } from './corpus-sync';
import { SaidError } from './said-error';
import type { DatabaseConnection } from './database';
import type { EngineDeps } from './engine-deps';
import { Library } from './library';
import type { TaskQueue } from './task-queue';

const KEYWORD_INDEX = 'passages';
const VOCAB_PATH = '/tokenizer/bert-base-chinese-vocab.txt';
/** A changed keyword index is saved once it has not changed for this long (ms)… */
const SAVE_DELAY_MS = 2_000;
/** …or when its first unsaved change is this old, while changes keep coming (an import of many files). */
const SAVE_MAX_WAIT_MS = 60_000;

/** The in-memory {@link Library} kept in step with the database. */
export class LibraryStore {
  /** Documents, passages and keyword index in memory. */
  readonly library = new Library();
  /** The keyword index's name in storage. */
  readonly keywordIndexName = KEYWORD_INDEX;
  private counter: Promise<TokenCounter> | undefined;
  /** When the keyword index first changed since it was last saved (`Date.now()`), or `undefined`. */
  private changedSince: number | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly queue: TaskQueue,
    private readonly connection: DatabaseConnection,
    private readonly fetchFile: EngineDeps['fetchFile'],
    private readonly emit: (event: StatusEvent) => void,
  ) {}

  /** Counts tokens with the model vocabulary (read once). */
  tokenCounter(): Promise<TokenCounter> {
    this.counter ??= this.fetchFile(VOCAB_PATH)
      .then((response) => {
        const { status } = response;
        if (!response.ok)
          throw new SaidError(
            { code: 'vocabulary-unreadable', status },
            `The tokenizer vocabulary could not be read (HTTP ${status}).`,
          );
        return response.text();
      })
      .then(createTokenCounter)
      .catch((error: unknown) => {
        this.counter = undefined;
        throw error;
      });
    return this.counter;
  }

  /**
   * Ingests missing corpus articles, then loads everything stored; keyword search works from then on. A
   * rebuilt or patched keyword index is saved by a task of its own, queued now, so neither this start-up
   * task nor the searches waiting for it wait for the save (11.9 s at 50,000 passages).
   */
  async load(): Promise<void> {
    const started = performance.now();
    const db = await this.connection.get();
    await syncCorpus(db, this.fetchFile, () => this.tokenCounter(), this.emit);
    await this.read();
    this.emitCorpusReady(performance.now() - started);
    if (this.changedSince !== undefined) this.queueSave();
  }

  /** Re-reads documents, passages and the keyword index after storage changed underneath (import, clear). */
  async reload(): Promise<void> {
    await this.read();
    this.emitCorpusReady(0);
  }

  /**
   * Notes that the keyword index changed. It is saved in the engine's queue once changes pause
   * ({@link SAVE_DELAY_MS}), or {@link SAVE_MAX_WAIT_MS} after the first unsaved change, so adding files
   * one after another does not rewrite the whole index each time. Nothing is lost if the tab closes first:
   * the passages are stored, and the next start patches the saved index with them.
   */
  keywordIndexChanged(): void {
    const now = Date.now();
    this.changedSince ??= now;
    clearTimeout(this.saveTimer);
    const delay = Math.min(SAVE_DELAY_MS, Math.max(0, this.changedSince + SAVE_MAX_WAIT_MS - now));
    this.saveTimer = setTimeout(() => this.queueSave(), delay);
  }

  /**
   * Queues a save of the keyword index. It yields to the event loop first, so a search already asked for is
   * answered before the save's snapshot takes the thread; a failed save only costs the next start some patching.
   */
  private queueSave(): void {
    this.queue
      .run(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        await this.saveKeywordIndex();
      })
      .catch(() => undefined);
  }

  /** Stores the keyword index now if it changed since it was last saved, so the next start need not rebuild it. */
  async saveKeywordIndex(): Promise<void> {
    clearTimeout(this.saveTimer);
    if (this.changedSince === undefined) return;
    this.changedSince = undefined;
    await putKeywordSnapshot(await this.connection.get(), KEYWORD_INDEX, this.library.keywordSnapshot());
  }

  /** Tells the page how many visible documents and passages keyword search covers. */
  emitCorpusReady(ms: number): void {
    const visible = this.library.allDocuments().filter((doc) => !doc.hidden);
    const ids = new Set(visible.map((doc) => doc.id));
    this.emit({
      type: 'corpus-ready',
      documents: visible.length,
      passages: this.library.allPassages().filter((passage) => ids.has(passage.docId)).length,
      ms: Math.round(ms),
    });
  }

  /** Loads what is stored into memory; a keyword index that differs from the saved one will be saved. */
  private async read(): Promise<void> {
    const db = await this.connection.get();
    const [documents, passages, saved] = await Promise.all([
      listDocuments(db),
      readPassages(db),
      getKeywordSnapshot(db, KEYWORD_INDEX),
    ]);
    if (this.library.load(documents, passages, saved) !== 'saved') this.keywordIndexChanged();
  }
}
