/**
 * Store changes re-render at most once per animation frame. A store (the worker's status, the import
 * runner) may change several times in one frame — an import's batch sends progress events, its result and a
 * library change — and `useSyncExternalStore` renders synchronously on every notification; subscribing
 * through {@link frameBatched} turns those into one render, in the frame's callbacks, just before the
 * browser paints. The stores themselves stay synchronous: what they hold is always current.
 */

/** Runs a callback before the next paint; `requestAnimationFrame` on a page. */
export type RequestFrame = (callback: () => void) => unknown;

/** Calls queued listeners together, once per frame. */
export class FrameBatch {
  private readonly due = new Set<() => void>();
  private scheduled = false;

  /** @param requestFrame how the next frame is awaited (a fake clock in tests). */
  constructor(private readonly requestFrame: RequestFrame) {}

  /** Calls `listener` in the next frame (once, however often it is queued before then). */
  queue(listener: () => void): void {
    this.due.add(listener);
    if (this.scheduled) return;
    this.scheduled = true;
    this.requestFrame(this.flush);
  }

  /** Forgets a queued call (the subscriber has gone). */
  drop(listener: () => void): void {
    this.due.delete(listener);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const listeners = [...this.due];
    this.due.clear();
    for (const listener of listeners) listener();
  };

  /**
   * A `subscribe` for `useSyncExternalStore` whose listeners hear of the store's changes in the next frame.
   * Make it once per store (module level): a new function each render would subscribe again each time.
   *
   * @example
   * const subscribeStatus = frameBatch.batched(statusStore.subscribe);
   * useSyncExternalStore(subscribeStatus, statusStore.getSnapshot);
   */
  batched(subscribe: (listener: () => void) => () => void): (listener: () => void) => () => void {
    return (listener) => {
      const unsubscribe = subscribe(() => this.queue(listener));
      return () => {
        this.drop(listener);
        unsubscribe();
      };
    };
  }
}

/**
 * The page's frame batch; without `requestAnimationFrame` (Node) listeners are called at once. A hidden tab
 * gets no frames, so its renders wait until it is shown; the stores keep changing meanwhile.
 */
const pageBatch = new FrameBatch(
  typeof requestAnimationFrame === 'function'
    ? (callback) => requestAnimationFrame(callback)
    : (callback) => callback(),
);

/**
 * `subscribe` wrapped so that a component re-renders at most once per frame; see {@link FrameBatch.batched}.
 *
 * @example
 * const subscribe = frameBatched(importer.subscribe);
 */
export const frameBatched = (
  subscribe: (listener: () => void) => () => void,
): ((listener: () => void) => () => void) => pageBatch.batched(subscribe);
