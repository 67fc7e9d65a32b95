/**
 * Turns model-loading failures into codes the page says in the reader's language.
 */
import type { ModelFailure } from '../core/engine/failure';

/**
 * Why a model could not be loaded, naming the model; the runtime's words are kept where no reason fits.
 *
 * @example
 * describeModelError('Xenova/bge-small-zh-v1.5', new TypeError('Failed to fetch'));
 * // { code: 'model-failed', model: 'Xenova/bge-small-zh-v1.5', reason: 'network' }
 */
export function describeModelError(modelId: string, error: unknown): ModelFailure {
  const detail = error instanceof Error ? error.message : String(error);
  const failure = (reason: ModelFailure['reason'], withDetail?: string): ModelFailure => ({
    code: 'model-failed',
    model: modelId,
    reason,
    ...(withDetail !== undefined && { detail: withDetail }),
  });
  if (/failed to fetch|networkerror|load failed|network/i.test(detail)) return failure('network');
  if (/not found locally|local_files_only/i.test(detail)) return failure('not-local');
  if (/404|not found|could not locate/i.test(detail)) return failure('not-found', detail);
  if (/quota|storage/i.test(detail)) return failure('storage-full');
  return failure('other', detail.replace(/\.?$/, '.'));
}
