/**
 * One queue for everything that reads or writes the whole index: the initial load, builds, adds and
 * deletes, clear-all, export and import run one at a time in the order they were asked for.
 */

/**
 * Runs tasks one after another; a failed task does not stop the ones after it.
 *
 * @example
 * const queue = new TaskQueue();
 * queue.run(() => load()); queue.run(() => clearAll()); // clearAll starts after load settles
 */
export class TaskQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
