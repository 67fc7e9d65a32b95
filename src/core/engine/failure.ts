/**
 * Why a step of the engine failed, as a code with parameters: the page says it in the reader's language
 * (`src/app/message-text.ts`).
 */

/** Why a model could not be loaded, or that its download was cancelled. `detail` is the runtime's own words. */
export type ModelFailure = {
  code: 'model-failed';
  model: string;
  reason: 'network' | 'not-local' | 'not-found' | 'storage-full' | 'cancelled' | 'other';
  detail?: string;
};

/** A failure no code names: the error's own text, shown as it is. */
export type ErrorText = { code: 'error-text'; detail: string };

/** Why the library, the model or the index failed. */
export type FailureCause = ModelFailure | ErrorText;

/**
 * A failure as the error's own text.
 *
 * @example
 * errorText(new Error('out of memory')); // { code: 'error-text', detail: 'out of memory' }
 */
export function errorText(error: unknown): ErrorText {
  return { code: 'error-text', detail: error instanceof Error ? error.message : String(error) };
}

/** What the page shows after a cancelled download; the page treats it like a model that is not there. */
export function downloadCancelled(model: string): ModelFailure {
  return { code: 'model-failed', model, reason: 'cancelled' };
}
