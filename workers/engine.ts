/**
 * The search engine inside the worker: opens the database, keeps the corpus in memory, loads the model,
 * builds or reuses the vector index, and answers the page's calls. Vectors never leave this thread.
 */
import { corpusHash, planIndexing } from '../src/core/index-plan';
import { ingestDocument } from '../src/core/ingest';
import type { StatusEvent } from '../src/core/status/events';
import { createTokenCounter, type TokenCounter } from '../src/core/tokenize/bert-tokenizer';
import type { StoredDocument } from '../src/core/types';
import { VectorMatrix } from '../src/core/vector/matrix';
import { describeModelError } from '../src/embed/errors';
import type { Embedder } from '../src/embed/loader';
import { withQueryCache } from '../src/embed/query-cache';
import { findModel } from '../src/embed/registry';
import type {
  AddFileResult,
  CachedModel,
  DocumentSummary,
  DocumentTexts,
  ExportedIndex,
  FileInput,
  ImportedIndex,
  ImportedModel,
  ModelFolderFile,
  ScriptDisplay,
  SearchRequest,
  SearchResponse,
  SearchWorkerApi,
  StartOptions,
} from '../src/shared/protocol';
import {
  clearAll,
  clearModelVectors,
  deleteDocument,
  getIndexMeta,
  getKeywordIndex,
  listDocuments,
  openSearchDb,
  putDocument,
  putIndexMeta,
  putKeywordIndex,
  readPassages,
  readVectors,
  setDocumentHidden,
  type SearchDb,
  type StoredVectors,
} from '../src/storage';
import { syncCorpus } from './corpus-sync';
import { exportIndex, importIndex } from './index-transfer';
import { embedPassages } from './indexer';
import { Library } from './library';
import { deleteCachedModel, importModelFolder, listCachedModels } from './model-cache';
import type { LoadedModel } from './model-host';
import { displayIn, runSearch, type DenseSide } from './searcher';
import { passageVectors } from './passage-vectors';
import type { PassageVectors } from '../src/shared/inspect';

const KEYWORD_INDEX = 'passages';
/** Recent query embeddings kept; each is one vector (2 KB at 512 dimensions). */
const QUERY_CACHE_SIZE = 128;
const DOWNLOAD_CANCELLED = 'Download cancelled; keyword search only. Retry to download again.';

/** Implements the worker API. One instance per worker. */
export class SearchEngine implements SearchWorkerApi {
  private db: Promise<SearchDb> | undefined;
  private ready: Promise<void> | undefined;
  private libraryLoad: Promise<void> | undefined;
  private readonly library = new Library();
  private model: LoadedModel | undefined;
  /** The model's embedder behind an LRU of recent queries. */
  private queryEmbedder: Embedder | undefined;
  private modelError = '';
  private matrix: VectorMatrix | undefined;
  private counter: Promise<TokenCounter> | undefined;
  private latestSearch = 0;
  private modelId = '';
  private writes: Promise<unknown> = Promise.resolve();
  private forcedDevice: StartOptions['device'];

  constructor(private readonly emit: (event: StatusEvent) => void) {}

  /** Starts once; calling again after a model failure retries the model. */
  start(options: StartOptions): Promise<void> {
    if (!this.ready || this.modelError) this.ready = this.run(options);
    return this.ready;
  }

  private async run(options: StartOptions): Promise<void> {
    const model = findModel(options.modelId);
    if (!model) throw new Error(`Unknown model “${options.modelId}”.`);
    this.modelId = model.id;
    this.modelError = '';
    this.forcedDevice = options.device;
    if (options.keywordOnly) {
      await this.loadLibrary();
      this.modelError = DOWNLOAD_CANCELLED;
      this.emit({ type: 'model-failed', modelId: model.id, message: DOWNLOAD_CANCELLED });
      return;
    }
    // Keyword search first: the library loads before the model runtime (transformers.js) is even parsed,
    // so the two do not compete for this thread.
    const libraryLoad = this.loadLibrary();
    // Stored vectors are read while the model loads (cold start): the two need neither each other nor the CPU.
    const vectorPreload = libraryLoad.then(async () => readVectors(await this.database(), model.id));
    vectorPreload.catch(() => undefined);
    const modelLoad =
      this.model !== undefined
        ? Promise.resolve(this.model)
        : libraryLoad
            .catch(() => undefined)
            .then(() => import('./model-host'))
            .then(({ loadModel }) =>
              loadModel({ model, forcedDevice: options.device, hubHost: options.hubHost, emit: this.emit }),
            )
            .catch((error: unknown) => {
              this.modelError = describeModelError(model.id, error);
              this.emit({ type: 'model-failed', modelId: model.id, message: this.modelError });
              return undefined;
            });
    await libraryLoad;
    this.model = await modelLoad;
    this.queryEmbedder = this.model && withQueryCache(this.model.embedder, QUERY_CACHE_SIZE);
    if (this.model) await this.serialized(() => this.buildIndex(vectorPreload));
  }

  private database(): Promise<SearchDb> {
    this.db ??= openSearchDb();
    return this.db;
  }

  private tokenCounter(): Promise<TokenCounter> {
    this.counter ??= fetch('/tokenizer/bert-base-chinese-vocab.txt')
      .then((response) => {
        if (!response.ok)
          throw new Error(`The tokenizer vocabulary could not be read (HTTP ${response.status}).`);
        return response.text();
      })
      .then(createTokenCounter);
    return this.counter;
  }

  /** Loads documents, passages and the keyword index once; keyword search works from then on. */
  private loadLibrary(): Promise<void> {
    this.libraryLoad ??= this.readLibrary().catch((error: unknown) => {
      this.libraryLoad = undefined;
      throw error;
    });
    return this.libraryLoad;
  }

  private async readLibrary(): Promise<void> {
    const started = performance.now();
    this.emit({ type: 'corpus-loading' });
    const db = await this.database();
    await syncCorpus(db, () => this.tokenCounter());
    const [documents, passages, saved] = await Promise.all([
      listDocuments(db),
      readPassages(db),
      getKeywordIndex(db, KEYWORD_INDEX),
    ]);
    const rebuilt = this.library.load(documents, passages, saved);
    this.emitCorpusReady(performance.now() - started);
    // Saving is a cache for the next start: searches need not wait for it, and a failure only costs a rebuild.
    if (rebuilt) this.saveKeywordIndex().catch(() => undefined);
  }

  private async saveKeywordIndex(): Promise<void> {
    await putKeywordIndex(await this.database(), KEYWORD_INDEX, this.library.saveKeywordIndex());
  }

  private emitCorpusReady(ms: number): void {
    const visible = this.library.allDocuments().filter((doc) => !doc.hidden);
    const ids = new Set(visible.map((doc) => doc.id));
    this.emit({
      type: 'corpus-ready',
      documents: visible.length,
      passages: this.library.allPassages().filter((passage) => ids.has(passage.docId)).length,
      ms: Math.round(ms),
    });
  }

  private async buildIndex(preloaded?: Promise<StoredVectors>): Promise<void> {
    const loaded = this.model;
    if (!loaded) return;
    const started = performance.now();
    const db = await this.database();
    const modelId = loaded.model.id;
    const passages = this.library.allPassages();
    const dims = loaded.embedder.dims;
    const hash = corpusHash(passages);
    const before = await (preloaded ?? readVectors(db, modelId));
    const plan = planIndexing({
      passages,
      embedded: new Set(before.passageIds),
      meta: await getIndexMeta(db, modelId),
      modelId,
      dims,
      corpusHash: hash,
    });
    if (plan.action === 'rebuild') await clearModelVectors(db, modelId);
    const meta = { modelId, dims, corpusHash: hash, passageCount: passages.length, updatedAt: Date.now() };
    // Written before the first batch so that an interrupted run resumes instead of rebuilding.
    if (plan.action !== 'reuse') await putIndexMeta(db, { ...meta, complete: false });
    const toEmbed = new Set(plan.toEmbed);
    this.emit({
      type: 'index-started',
      total: passages.length,
      toEmbed: toEmbed.size,
      reused: passages.length - toEmbed.size,
    });
    try {
      const embedded = await embedPassages({
        db,
        modelId,
        embedder: loaded.embedder,
        passages: passages.filter((passage) => toEmbed.has(passage.id)),
        emit: this.emit,
      });
      if (plan.action !== 'reuse') await putIndexMeta(db, { ...meta, complete: true, updatedAt: Date.now() });
      const stored = plan.action === 'reuse' ? before : await readVectors(db, modelId);
      this.matrix = VectorMatrix.fromPacked(stored.passageIds, stored.vectors, dims);
      this.matrix.remove(plan.orphaned);
      this.emit({
        type: 'index-ready',
        passages: this.matrix.size,
        embedded,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      this.emit({ type: 'index-failed', message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  /** Runs database mutations one at a time. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = this.writes.then(task, task);
    this.writes = next.catch(() => undefined);
    return next;
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const id = ++this.latestSearch;
    await this.loadLibrary();
    const dense: DenseSide | undefined =
      this.model && this.queryEmbedder && this.matrix
        ? { model: this.model.model, embedder: this.queryEmbedder, matrix: this.matrix }
        : undefined;
    return runSearch(request, this.library, dense, this.unavailableReason(), () => id !== this.latestSearch);
  }

  private unavailableReason(): string {
    if (this.modelError) return `${this.modelError} Showing keyword results.`;
    if (!this.model) return 'The model is still loading; showing keyword results until it is ready.';
    return 'The index is being built; showing keyword results until it is ready.';
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    await this.loadLibrary();
    return this.library.allDocuments().map((doc) => ({
      id: doc.id,
      source: doc.source,
      title: doc.title,
      encoding: doc.encoding,
      size: doc.size,
      origin: doc.origin,
      passages: this.library.passagesOf(doc.id).length,
      report: doc.report,
      hidden: doc.hidden,
    }));
  }

  async documentTexts(docId: string, script: ScriptDisplay): Promise<DocumentTexts> {
    await this.loadLibrary();
    const doc = this.library.document(docId);
    if (!doc) throw new Error('That document is no longer stored.');
    const show = await displayIn(script);
    return {
      docId,
      title: show(doc.title),
      source: doc.source,
      original: show(doc.raw),
      cleaned: show(doc.text),
    };
  }

  addFiles(files: FileInput[]): Promise<AddFileResult[]> {
    return this.serialized(async () => {
      await this.loadLibrary();
      const results: AddFileResult[] = [];
      for (const file of files) results.push(await this.addFile(file));
      await this.saveKeywordIndex();
      this.emitCorpusReady(0);
      return results;
    });
  }

  private async addFile(file: FileInput): Promise<AddFileResult> {
    try {
      const db = await this.database();
      const bytes = new Uint8Array(file.bytes);
      const { document, passages, raw } = await ingestDocument(
        { bytes, source: file.name },
        await this.tokenCounter(),
      );
      if (this.library.document(document.id)) {
        return { name: file.name, ok: true, docId: document.id, passages: passages.length, duplicate: true };
      }
      const stored: StoredDocument = {
        ...document,
        size: bytes.byteLength,
        origin: 'user',
        hidden: false,
        raw,
        addedAt: Date.now(),
      };
      await putDocument(db, stored, passages);
      this.library.add(stored, passages);
      const { model, matrix } = this;
      if (model && matrix) {
        await embedPassages({
          db,
          modelId: model.model.id,
          embedder: model.embedder,
          passages,
          emit: this.emit,
          onBatch: (ids, vectors) => matrix.append(ids, vectors),
        });
      }
      return { name: file.name, ok: true, docId: document.id, passages: passages.length, duplicate: false };
    } catch (error) {
      return { name: file.name, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  deleteDocument(docId: string): Promise<void> {
    return this.serialized(async () => {
      await this.loadLibrary();
      const db = await this.database();
      const doc = this.library.document(docId);
      if (!doc) return;
      if (doc.origin === 'corpus') {
        await setDocumentHidden(db, docId, true);
        this.library.setHidden(docId, true);
      } else {
        await deleteDocument(db, docId);
        this.matrix?.remove(this.library.remove(docId));
        await this.saveKeywordIndex();
      }
      this.emitCorpusReady(0);
    });
  }

  async exportIndex(): Promise<ExportedIndex> {
    await this.loadLibrary();
    const modelId = this.modelId;
    if (!modelId) throw new Error('Start a model before exporting its index.');
    const bytes = await exportIndex(await this.database(), modelId, this.library.saveKeywordIndex());
    const fileName = `search-index-${modelId.replace(/[^\w.-]+/g, '_')}-${new Date().toISOString().slice(0, 10)}.ossindex`;
    return { fileName, bytes: bytes.buffer as ArrayBuffer };
  }

  importIndex(bytes: ArrayBuffer): Promise<ImportedIndex> {
    return this.serialized(async () => {
      const model = findModel(this.modelId);
      if (!model) throw new Error('Start a model before importing an index.');
      const db = await this.database();
      await this.loadLibrary();
      const summary = await importIndex(db, new Uint8Array(bytes), model, KEYWORD_INDEX);
      await this.reloadFromStorage();
      return { ...summary, modelId: model.id };
    });
  }

  clearAllData(): Promise<void> {
    return this.serialized(async () => {
      await clearAll(await this.database());
      // The library stays empty until an import or a reload (which brings the bundled corpus back).
      this.libraryLoad = Promise.resolve();
      await this.reloadFromStorage();
    });
  }

  /** Re-reads documents, passages, keyword index and vectors after storage changed underneath. */
  private async reloadFromStorage(): Promise<void> {
    const db = await this.database();
    const [documents, passages, saved] = await Promise.all([
      listDocuments(db),
      readPassages(db),
      getKeywordIndex(db, KEYWORD_INDEX),
    ]);
    if (this.library.load(documents, passages, saved)) await this.saveKeywordIndex();
    this.emitCorpusReady(0);
    if (!this.model) return;
    const stored = await readVectors(db, this.model.model.id);
    this.matrix = VectorMatrix.fromPacked(stored.passageIds, stored.vectors, this.model.embedder.dims);
    this.emit({ type: 'index-started', total: passages.length, toEmbed: 0, reused: this.matrix.size });
    this.emit({ type: 'index-ready', passages: this.matrix.size, embedded: 0, ms: 0 });
  }

  cachedModels(): Promise<CachedModel[]> {
    return listCachedModels();
  }

  deleteCachedModel(modelId: string): Promise<{ files: number; bytes: number }> {
    return deleteCachedModel(modelId);
  }

  importModelFolder(files: ModelFolderFile[]): Promise<ImportedModel> {
    return importModelFolder(files, this.forcedDevice);
  }

  async passageVectors(): Promise<PassageVectors> {
    await this.loadLibrary();
    if (!this.model || !this.matrix)
      throw new Error('The map needs the model and its index; they are not ready yet.');
    return passageVectors(this.model.model, this.matrix, this.library);
  }

  resetCorpus(): Promise<void> {
    return this.serialized(async () => {
      await this.loadLibrary();
      const db = await this.database();
      for (const doc of this.library.allDocuments().filter((d) => d.origin === 'corpus' && d.hidden)) {
        await setDocumentHidden(db, doc.id, false);
        this.library.setHidden(doc.id, false);
      }
      this.emitCorpusReady(0);
    });
  }
}
