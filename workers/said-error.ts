/**
 * An error the page says in the reader's language: the worker throws it with a message code, and the page
 * renders the code (`errorText` in `src/app/message-text.ts`).
 */
import type { Message } from '../src/shared/messages';

/** An error with a message code (`said`); `message` is its English, for logs. */
export class SaidError extends Error {
  constructor(
    readonly said: Message,
    english: string,
  ) {
    super(english);
  }
}
