/**
 * The one owner of the search worker's lifecycle: start, retry, restart and cancel. React calls these and
 * renders the status store; nothing else terminates or restarts the worker.
 */
import type { StartOptions } from '../shared/protocol';
import { RemoteError, type WorkerBridge } from './bridge';
import type { StatusStore } from './status-store';

/** Starts, retries, restarts and cancels the engine, recording a failed start in the status store. */
export class EngineLifecycle {
  private options: StartOptions | undefined;

  constructor(
    private readonly bridge: WorkerBridge,
    private readonly store: StatusStore,
  ) {}

  /** The options of the last start (device, precision, hub), e.g. for a second engine that compares models. */
  get startOptions(): StartOptions | undefined {
    return this.options;
  }

  /** Starts the engine with these options (remembered for retry and restart). */
  start(options: StartOptions): void {
    this.options = { ...options, keywordOnly: undefined };
    this.run(options);
  }

  /** Runs the step that failed or was cancelled again, in the same worker. */
  retry(): void {
    if (this.options) this.run(this.options);
  }

  /** Stops the worker and starts a new one (after a crash or a failed start). */
  restart(): void {
    this.bridge.terminate();
    this.store.reset();
    this.retry();
  }

  /**
   * Stops a model download: the worker is stopped (which ends its requests) and started again for keyword
   * search only. Retry then downloads again, taking finished files from the cache.
   */
  cancel(): void {
    if (!this.options) return;
    this.bridge.terminate();
    this.store.reset();
    this.run({ ...this.options, keywordOnly: true });
  }

  private run(options: StartOptions): void {
    this.store.startFailed('');
    this.bridge.call('start', [options]).catch((error: Error) => {
      // A start ended by cancel or restart (the worker stopped) is no failure.
      if (error.name !== 'AbortError')
        this.store.startFailed(error.message, error instanceof RemoteError ? error.said : undefined);
    });
  }
}
