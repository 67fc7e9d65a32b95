/**
 * The library as stored: brings the bundled corpus in, loads documents, passages and the keyword index
 * into memory, reloads them after storage changed underneath, and saves the keyword index for next time.
 */
import type { StatusEvent } from '../src/core/status/events';
import { createTokenCounter, type TokenCounter } from '../src/core/tokenize/bert-tokenizer';
import { getKeywordIndex, listDocuments, putKeywordIndex, readPassages } from '../src/storage';
import { syncCorpus } from './corpus-sync';
import type { DatabaseConnection } from './database';
import type { EngineDeps } from './engine-deps';
import { Library } from './library';

const KEYWORD_INDEX = 'passages';
const VOCAB_PATH = '/tokenizer/bert-base-chinese-vocab.txt';

/** The in-memory {@link Library} kept in step with the database. */
export class LibraryStore {
  /** Documents, passages and keyword index in memory. */
  readonly library = new Library();
  /** The keyword index's name in storage. */
  readonly keywordIndexName = KEYWORD_INDEX;
  private counter: Promise<TokenCounter> | undefined;

  constructor(
    private readonly connection: DatabaseConnection,
    private readonly fetchFile: EngineDeps['fetchFile'],
    private readonly emit: (event: StatusEvent) => void,
  ) {}

  /** Counts tokens with the model vocabulary (read once). */
  tokenCounter(): Promise<TokenCounter> {
    this.counter ??= this.fetchFile(VOCAB_PATH)
      .then((response) => {
        if (!response.ok)
          throw new Error(`The tokenizer vocabulary could not be read (HTTP ${response.status}).`);
        return response.text();
      })
      .then(createTokenCounter)
      .catch((error: unknown) => {
        this.counter = undefined;
        throw error;
      });
    return this.counter;
  }

  /** Ingests missing corpus articles, then loads everything stored; keyword search works from then on. */
  async load(): Promise<void> {
    const started = performance.now();
    const db = await this.connection.get();
    await syncCorpus(db, this.fetchFile, () => this.tokenCounter(), this.emit);
    const rebuilt = await this.read();
    this.emitCorpusReady(performance.now() - started);
    // Saving is a cache for the next start: searches need not wait for it, and a failure only costs a rebuild.
    if (rebuilt) this.saveKeywordIndex().catch(() => undefined);
  }

  /** Re-reads documents, passages and the keyword index after storage changed underneath (import, clear). */
  async reload(): Promise<void> {
    if (await this.read()) await this.saveKeywordIndex();
    this.emitCorpusReady(0);
  }

  /** Stores the keyword index, so the next start need not rebuild it. */
  async saveKeywordIndex(): Promise<void> {
    await putKeywordIndex(await this.connection.get(), KEYWORD_INDEX, this.library.saveKeywordIndex());
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

  /** Loads what is stored into memory; returns whether the keyword index had to be rebuilt. */
  private async read(): Promise<boolean> {
    const db = await this.connection.get();
    const [documents, passages, saved] = await Promise.all([
      listDocuments(db),
      readPassages(db),
      getKeywordIndex(db, KEYWORD_INDEX),
    ]);
    return this.library.load(documents, passages, saved);
  }
}
