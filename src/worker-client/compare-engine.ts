/**
 * A second search engine for the inspector's model comparison: the main engine's worker code, started in a
 * worker of its own with another cached model. Its ranking is therefore exactly what a search with that
 * model returns. Vectors are stored per model, so it embeds only the passages that have no vector for that
 * model yet (and stores them: the next comparison, or a later switch to that model, reuses them). Stopping it
 * ends the worker, which frees the model's memory.
 */
import type { SearchResponse, StartOptions } from '../shared/protocol';
import { WorkerBridge } from './bridge';
import { createSearchWorker } from './client';
import { StatusStore } from './status-store';

/** A second engine running one model until stopped. */
export class CompareEngine {
  /** Its status events, reduced (progress, failures). */
  readonly store = new StatusStore();
  private readonly bridge: WorkerBridge;

  /**
   * Starts the engine with `modelId` and the main engine's device, precision and hub options.
   *
   * @example
   * const engine = new CompareEngine('fixture-tiny', engineLifecycle.startOptions);
   */
  constructor(
    readonly modelId: string,
    options: Omit<StartOptions, 'modelId'> = {},
  ) {
    this.bridge = new WorkerBridge(createSearchWorker, {
      onEvent: (event) => this.store.apply(event),
      onCrash: (message) => this.store.crashed(message),
    });
    this.bridge.call('start', [{ ...options, keywordOnly: undefined, modelId }]).catch((error: Error) => {
      if (error.name !== 'AbortError') this.store.startFailed(error.message);
    });
  }

  /**
   * The semantic top `k` for `query` with this engine's model.
   *
   * @example
   * const { hits } = await engine.search('开源模型', 10, controller.signal);
   */
  search(query: string, k: number, signal?: AbortSignal): Promise<SearchResponse> {
    return this.bridge.call('search', [{ query, mode: 'semantic', k }], signal);
  }

  /** Ends the worker (and with it the model's memory); pending searches reject with an `AbortError`. */
  stop(): void {
    this.bridge.terminate();
  }
}
