/**
 * The error `fetch-model` reports; its message is meant for the person running the command.
 */

/** A failure with a human-readable message; `retryable` failures are worth another attempt. */
export class FetchModelError extends Error {
  /** Whether trying the same file again may succeed (network and server errors, truncated bodies). */
  readonly retryable: boolean;

  constructor(message: string, retryable = false) {
    super(message);
    this.name = 'FetchModelError';
    this.retryable = retryable;
  }
}
