/**
 * A tiny external store holding the worker's status, for `useSyncExternalStore`.
 */
import { INITIAL_STATUS, reduceStatus, type AppStatus } from '../core/status/reducer';
import type { StatusEvent } from '../core/status/events';
import type { Message } from '../shared/messages';

/** Status plus the crash message, if the worker died. */
export interface StoreState {
  /** Reduced status. */
  status: AppStatus;
  /** Set when the worker crashed: why, in the browser's words (the page says the rest in its language). */
  crash: string;
  /** Set when starting the engine failed: the error's English (logs, and the page when there is no code). */
  startError: string;
  /** Why starting failed as a code the page says in the reader's language, when the worker sent one. */
  startSaid?: Message;
}

/** Holds the status and notifies subscribers on change. */
export class StatusStore {
  private state: StoreState = { status: INITIAL_STATUS, crash: '', startError: '' };
  private readonly listeners = new Set<() => void>();

  /** Current state (stable identity between changes). */
  readonly getSnapshot = (): StoreState => this.state;

  /** Subscribes to changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies a worker event. */
  apply(event: StatusEvent): void {
    this.set({ ...this.state, status: reduceStatus(this.state.status, event) });
  }

  /** Records a crash and its reason (the browser's words). */
  crashed(reason: string): void {
    this.set({ ...this.state, crash: reason });
  }

  /** Records why starting failed, with its message code if any; empty clears it. */
  startFailed(message: string, said?: Message): void {
    this.set({ ...this.state, startError: message, startSaid: said });
  }

  /** Clears state for a restarted worker. */
  reset(): void {
    this.set({ status: INITIAL_STATUS, crash: '', startError: '' });
  }

  private set(state: StoreState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
