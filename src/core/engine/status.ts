/**
 * The page's status events derived from the engine state: entering a state the page shows is announced
 * by the event the page's reducer already knows, so `data-*` attributes (e.g. `data-model-phase`) keep working.
 */
import type { StatusEvent } from '../status/events';
import { downloadCancelled } from './failure';
import type { EngineState } from './state';

/**
 * The status event announcing `state`, or `undefined` when the state has figures only its worker part knows
 * (the model host announces `model-ready`, the index builder `index-ready`).
 *
 * @example
 * statusEventFor({ phase: 'loading-library' }); // { type: 'corpus-loading' }
 */
export function statusEventFor(state: EngineState): StatusEvent | undefined {
  switch (state.phase) {
    case 'loading-library':
      return { type: 'corpus-loading' };
    case 'cancelled':
      return { type: 'model-failed', modelId: state.modelId, message: downloadCancelled(state.modelId) };
    case 'failed':
      if (state.stage === 'model')
        return { type: 'model-failed', modelId: state.modelId ?? '', message: state.cause };
      if (state.stage === 'index') return { type: 'index-failed', message: state.cause };
      return undefined;
    default:
      return undefined;
  }
}
