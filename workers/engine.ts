/**
 * The search engine inside the worker, as the page sees it: each protocol method in a line or two. Everything
 * that reads or writes the whole index runs in one queue, in the order it was asked for. The lifecycle is in
 * `session.ts`, the library in `library-store.ts`, documents in `documents.ts`, the index in `index-builder.ts`.
 */
import { findModel } from '../src/embed/registry';
import type {
  AddFileResult,
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
import { clearAll, getDocument } from '../src/storage';
import { DatabaseConnection } from './database';
import { addFile, removeDocument, showHiddenArticles, type DocumentContext } from './documents';
import type { EngineDeps } from './engine-deps';
import { exportIndex, importIndex } from './index-transfer';
import { LibraryStore } from './library-store';
import { deleteCachedModel, importModelFolder, listCachedModels } from './model-cache';
import { displayIn, runSearch, unavailableReason } from './searcher';
import { EngineSession } from './session';
import { TaskQueue } from './task-queue';
import { SaidError } from './said-error';
import { passageVectors } from './passage-vectors';
import type { PassageVectors } from '../src/shared/inspect';

/** Implements the worker API. One instance per worker. */
export class SearchEngine implements SearchWorkerApi {
  private readonly queue = new TaskQueue();
  private readonly connection: DatabaseConnection;
  private readonly store: LibraryStore;
  /** The lifecycle; read by tests. */
  readonly session: EngineSession;
  private readonly documents: DocumentContext;
  private options: StartOptions | undefined;

  constructor(private readonly deps: EngineDeps) {
    this.connection = new DatabaseConnection(deps.openDb, deps.emit);
    this.store = new LibraryStore(this.queue, this.connection, deps.fetchFile, deps.emit);
    this.session = new EngineSession(deps, this.store, this.connection, this.queue);
    this.documents = {
      connection: this.connection,
      store: this.store,
      session: this.session,
      emit: deps.emit,
    };
  }

  start(options: StartOptions): Promise<void> {
    this.options = options;
    return this.session.start(options);
  }

  /** Answers a query; an aborted `signal` stops it before the next slow step. */
  async search(request: SearchRequest, signal?: AbortSignal): Promise<SearchResponse> {
    await this.session.libraryReady();
    const reason = unavailableReason(this.session.state);
    return runSearch(request, this.store.library, this.session.dense(), reason, signal);
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    await this.session.libraryReady();
    return this.store.library.summaries();
  }

  async documentTexts(docId: string, script: ScriptDisplay): Promise<DocumentTexts> {
    await this.session.libraryReady();
    // The library keeps no document texts in memory: read them from the database.
    const doc = this.store.library.document(docId) && (await getDocument(await this.connection.get(), docId));
    if (!doc) throw new SaidError({ code: 'document-gone' }, 'That document is no longer stored.');
    const show = await displayIn(script);
    return {
      docId,
      title: show(doc.title),
      source: doc.source,
      original: show(doc.raw),
      cleaned: show(doc.text),
      pages: doc.pages,
    };
  }

  addFiles(files: FileInput[]): Promise<AddFileResult[]> {
    return this.indexTask(async () => {
      const results: AddFileResult[] = [];
      for (const file of files) results.push(await addFile(this.documents, file));
      if (results.some((result) => result.ok && !result.duplicate)) this.store.keywordIndexChanged();
      this.store.emitCorpusReady(0);
      this.session.changed();
      return results;
    });
  }

  deleteDocument(docId: string): Promise<void> {
    return this.indexTask(() => removeDocument(this.documents, docId));
  }

  resetCorpus(): Promise<void> {
    return this.indexTask(() => showHiddenArticles(this.documents));
  }

  /** Exports after a start in progress has built the index, so a file never holds half an index. */
  async exportIndex(): Promise<ExportedIndex> {
    await this.session.settled();
    return this.indexTask(async () => {
      const modelId = this.requireModel('export').id;
      const saved = this.store.library.saveKeywordIndex();
      const bytes = await exportIndex(await this.connection.get(), modelId, saved);
      const fileName = `search-index-${modelId.replace(/[^\w.-]+/g, '_')}-${new Date().toISOString().slice(0, 10)}.ossindex`;
      return { fileName, bytes: bytes.buffer as ArrayBuffer };
    });
  }

  importIndex(bytes: ArrayBuffer): Promise<ImportedIndex> {
    return this.indexTask(async () => {
      const model = this.requireModel('import');
      const db = await this.connection.get();
      const summary = await importIndex(db, new Uint8Array(bytes), model, this.store.keywordIndexName);
      await this.reloadFromStorage();
      return { ...summary, modelId: model.id };
    });
  }

  clearAllData(): Promise<void> {
    // The library stays empty until an import or a reload (which brings the bundled corpus back).
    return this.indexTask(async () => {
      await clearAll(await this.connection.get());
      await this.reloadFromStorage();
    });
  }

  cachedModels = listCachedModels;

  async deleteCachedModel(modelId: string): Promise<{ files: number; bytes: number }> {
    const deleted = await deleteCachedModel(modelId);
    this.deps.emit({ type: 'models-changed' });
    return deleted;
  }

  async importModelFolder(files: ModelFolderFile[]): Promise<ImportedModel> {
    const imported = await importModelFolder(files, this.options?.device);
    this.deps.emit({ type: 'models-changed' });
    return imported;
  }

  async passageVectors(): Promise<PassageVectors> {
    await this.session.libraryReady();
    const dense = this.session.dense();
    if (!dense) {
      throw new SaidError(
        { code: 'map-not-ready' },
        'The map needs the model and its index; they are not ready yet.',
      );
    }
    return passageVectors(dense.model, dense.matrix, this.store.library);
  }

  /** Times WASM next to WebGPU if the model host left it out; in the queue, so no indexing skews the figures. */
  timeWasm(): Promise<void> {
    return this.queue.run(async () => this.session.model?.timeWasm?.());
  }

  /** Runs `task` in the queue, after the library has loaded. */
  private indexTask<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.session.requireLibrary();
      return task();
    });
  }

  private requireModel(doing: 'export' | 'import') {
    const model = findModel(this.options?.modelId ?? '');
    if (!model)
      throw new SaidError({ code: 'no-model', reason: doing }, `Start a model before you ${doing} an index.`);
    return model;
  }

  private async reloadFromStorage(): Promise<void> {
    await this.store.reload();
    await this.session.reloadMatrix();
    this.session.changed();
  }
}
