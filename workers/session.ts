/**
 * The engine's session: the one {@link EngineState}, and the steps that move it — load the library, load the
 * model, build the index. Starting again after a failure or a cancel runs the step that stopped, again.
 */
import { errorText } from '../src/core/engine/failure';
import { statusEventFor } from '../src/core/engine/status';
import {
  IDLE,
  libraryLoaded,
  transition,
  type EngineEvent,
  type EngineState,
} from '../src/core/engine/state';
import type { VectorMatrix } from '../src/core/vector/matrix';
import { describeModelError } from '../src/embed/errors';
import type { Embedder } from '../src/embed/loader';
import { withQueryCache } from '../src/embed/query-cache';
import { findModel, type ModelEntry } from '../src/embed/registry';
import type { StartOptions } from '../src/shared/protocol';
import { readVectors, type StoredVectors } from '../src/storage';
import type { DatabaseConnection } from './database';
import type { EngineDeps } from './engine-deps';
import { buildIndex, readMatrix } from './index-builder';
import type { LibraryStore } from './library-store';
import type { LoadedModel } from './model-host';
import type { DenseSide } from './searcher';
import type { TaskQueue } from './task-queue';

/** Recent query embeddings kept; each is one vector (2 KB at 512 dimensions). */
const QUERY_CACHE_SIZE = 128;

/** Vectors read while the model loads, valid while the library has not changed since. */
interface Preload {
  writes: number;
  vectors: Promise<StoredVectors>;
}

/** The engine's lifecycle and what it has loaded. */
export class EngineSession {
  private current: EngineState = IDLE;
  private running: Promise<void> | undefined;
  private libraryLoad: Promise<void> | undefined;
  private loaded: LoadedModel | undefined;
  private queryEmbedder: Embedder | undefined;
  private preload: Preload | undefined;
  /** Counts `library-changed` events. */
  private version = 0;
  /** Counts changes to what is stored, so vectors read before one are not used after it. */
  private writes = 0;
  /** Every current, visible passage's vector, once the index is built. */
  matrix: VectorMatrix | undefined;

  constructor(
    private readonly deps: EngineDeps,
    private readonly store: LibraryStore,
    private readonly connection: DatabaseConnection,
    private readonly queue: TaskQueue,
  ) {}

  /** Where the engine stands. */
  get state(): EngineState {
    return this.current;
  }

  /** The loaded model, once there is one. */
  get model(): LoadedModel | undefined {
    return this.loaded;
  }

  /**
   * Runs what is not done yet: library, then model, then index. A call while one runs joins it; a call
   * after a failure or a cancel runs the failed step again.
   */
  start(options: StartOptions): Promise<void> {
    this.running ??= this.run(options).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves once a start in progress has finished (whatever its outcome), e.g. before an export. */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Resolves once keyword search works, loading the library (in the queue) if nobody has. */
  libraryReady(): Promise<void> {
    if (libraryLoaded(this.current)) return Promise.resolve();
    this.libraryLoad ??= this.queue
      .run(() => this.requireLibrary())
      .finally(() => {
        this.libraryLoad = undefined;
      });
    return this.libraryLoad;
  }

  /** Loads the library now unless it is loaded; for tasks already running in the queue. */
  async requireLibrary(): Promise<void> {
    if (libraryLoaded(this.current)) return;
    this.to({ type: 'load-library' });
    try {
      await this.store.load();
    } catch (error) {
      this.to({ type: 'fail', stage: 'library', cause: errorText(error), retryable: true });
      throw error;
    }
    this.to({ type: 'library-loaded' });
  }

  /** The dense side of a search, when the index is ready. */
  dense(): DenseSide | undefined {
    const { loaded, queryEmbedder, matrix } = this;
    return this.current.phase === 'ready' && loaded && queryEmbedder && matrix
      ? { model: loaded.model, embedder: queryEmbedder, matrix }
      : undefined;
  }

  /** Records that stored documents or vectors changed, and tells the page. */
  changed(): void {
    this.writes += 1;
    this.announce();
  }

  /** Tells the page that what searches or the document list return may have changed. */
  private announce(): void {
    this.version += 1;
    this.deps.emit({ type: 'library-changed', version: this.version });
  }

  /** Reads the matrix again after storage changed underneath (import, clear); for tasks in the queue. */
  async reloadMatrix(): Promise<void> {
    const { loaded } = this;
    if (!loaded || this.current.phase !== 'ready') return;
    this.matrix = await readMatrix(await this.connection.get(), loaded);
    this.matrix.remove(this.store.library.hiddenPassageIds());
    this.deps.emit({ type: 'index-started', total: this.matrix.size, toEmbed: 0, reused: this.matrix.size });
    this.deps.emit({ type: 'index-ready', passages: this.matrix.size, embedded: 0, ms: 0 });
  }

  private async run(options: StartOptions): Promise<void> {
    const model = findModel(options.modelId);
    if (!model) throw new Error(`Unknown model “${options.modelId}”.`);
    await this.libraryReady();
    if (options.keywordOnly) {
      if (this.current.phase === 'keyword-ready') this.to({ type: 'cancel', modelId: model.id });
      return;
    }
    const { phase } = this.current;
    if (phase === 'keyword-ready' || phase === 'cancelled' || this.failedIn('model')) {
      if (!(await this.loadModel(model, options))) return;
    }
    if (this.failedIn('index')) this.to({ type: 'reindex' });
    if (this.current.phase === 'indexing') await this.queue.run(() => this.build());
  }

  private async loadModel(model: ModelEntry, options: StartOptions): Promise<boolean> {
    this.to({ type: 'load-model', modelId: model.id });
    const preload = this.preloadVectors(model.id);
    try {
      this.loaded ??= await this.deps.loadModel({
        model,
        forcedDevice: options.device,
        forcedDtype: options.dtype,
        hubHost: options.hubHost,
        emit: this.deps.emit,
      });
    } catch (error) {
      this.to({ type: 'fail', stage: 'model', cause: describeModelError(model.id, error), retryable: true });
      return false;
    }
    this.queryEmbedder = withQueryCache(this.loaded.embedder, QUERY_CACHE_SIZE);
    this.deps.emit({ type: 'models-changed' });
    this.to({ type: 'model-loaded' });
    this.preload = preload;
    return true;
  }

  /** Stored vectors are read while the model loads (cold start): the two need neither each other nor the CPU. */
  private preloadVectors(modelId: string): Preload {
    const vectors = this.connection.get().then((db) => readVectors(db, modelId));
    vectors.catch(() => undefined);
    return { writes: this.writes, vectors };
  }

  private async build(): Promise<void> {
    const { loaded, preload } = this;
    if (!loaded) return;
    this.preload = undefined;
    try {
      const matrix = await buildIndex({
        db: await this.connection.get(),
        loaded,
        passages: this.store.library.allPassages(),
        emit: this.deps.emit,
        preloaded: preload?.writes === this.writes ? await preload.vectors : undefined,
      });
      matrix.remove(this.store.library.hiddenPassageIds());
      this.matrix = matrix;
    } catch (error) {
      this.to({ type: 'fail', stage: 'index', cause: errorText(error), retryable: true });
      return;
    }
    this.to({ type: 'index-built' });
  }

  private failedIn(stage: 'library' | 'model' | 'index'): boolean {
    return this.current.phase === 'failed' && this.current.stage === stage;
  }

  /** Moves the state, announces it, and says searches may answer differently now (mode, fallback reason). */
  private to(event: EngineEvent): void {
    this.current = transition(this.current, event);
    const status = statusEventFor(this.current);
    if (status) this.deps.emit(status);
    this.announce();
  }
}
