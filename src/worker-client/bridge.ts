/**
 * The page's side of the worker protocol: starts the worker once, turns calls into messages and replies
 * into promises, and passes status events on. The only place that knows how messages travel.
 */
import type { StatusEvent } from '../core/status/events';
import type { CallMessage, FromWorker, SearchWorkerApi, ToWorker, WorkerError } from '../shared/protocol';
import type { Message } from '../shared/messages';

type Method = keyof SearchWorkerApi;
type Result<M extends Method> = Awaited<ReturnType<SearchWorkerApi[M]>>;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Removes the call's abort listener. */
  detach: () => void;
}

/** An error from the worker, with its name and its message code (`said`) kept across the boundary. */
export class RemoteError extends Error {
  readonly said?: Message;

  constructor(error: WorkerError) {
    super(error.message);
    this.name = error.name;
    this.said = error.said;
  }
}

/** Thrown for calls whose `AbortSignal` fired; callers usually ignore it. */
export class AbortedCallError extends Error {
  constructor() {
    super('The request was cancelled.');
    this.name = 'AbortError';
  }
}

/** Listener for status events and for the worker crashing. */
export interface BridgeListener {
  /** A status event from the worker. */
  onEvent(event: StatusEvent): void;
  /** The worker died, for `reason` (the browser's words); pending calls were rejected. */
  onCrash(reason: string): void;
}

/**
 * A typed connection to the search worker.
 *
 * @example
 * const bridge = new WorkerBridge(() => new Worker(url, { type: 'module' }), listener);
 * const results = await bridge.call('search', [{ query: '开源', mode: 'hybrid', k: 10 }]);
 */
export class WorkerBridge {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly createWorker: () => Worker,
    private readonly listener: BridgeListener,
  ) {}

  /**
   * Calls a worker method. An aborted signal rejects at once with {@link AbortedCallError} and tells the
   * worker, which stops the work. Buffers in `transfer` move to the worker instead of being copied (they are
   * empty here afterwards).
   */
  call<M extends Method>(
    method: M,
    args: Parameters<SearchWorkerApi[M]>,
    signal?: AbortSignal,
    transfer: Transferable[] = [],
  ): Promise<Result<M>> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Result<M>>((resolve, reject) => {
      if (signal?.aborted) return reject(new AbortedCallError());
      const abort = () => {
        this.settle(id)?.reject(new AbortedCallError());
        worker.postMessage({ kind: 'abort', id } satisfies ToWorker);
      };
      signal?.addEventListener('abort', abort, { once: true });
      const detach = () => signal?.removeEventListener('abort', abort);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, detach });
      worker.postMessage({ kind: 'call', id, method, args } as CallMessage, transfer);
    });
  }

  /** Stops the worker; the next call starts a new one. Waiting calls reject with {@link AbortedCallError}. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.rejectAll(new AbortedCallError());
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.receive(event.data));
    worker.addEventListener('error', (event) => this.crash(event.message || 'unknown error'));
    worker.addEventListener('messageerror', () => this.crash('a message could not be read'));
    this.worker = worker;
    return worker;
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'event') return this.listener.onEvent(message.event);
    const pending = this.settle(message.id);
    if (!pending) return;
    if (message.kind === 'result') pending.resolve(message.value);
    else pending.reject(new RemoteError(message.error));
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    pending?.detach();
    return pending;
  }

  private crash(reason: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    const message = `The search engine stopped unexpectedly (${reason}). Your documents are safe in this browser; restart to continue.`;
    this.rejectAll(
      new RemoteError({ name: 'WorkerStopped', message, said: { code: 'engine-stopped', detail: reason } }),
    );
    this.listener.onCrash(reason);
  }

  private rejectAll(error: Error): void {
    for (const pending of this.pending.values()) {
      pending.detach();
      pending.reject(error);
    }
    this.pending.clear();
  }
}
