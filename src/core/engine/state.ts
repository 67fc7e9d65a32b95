/**
 * The search engine's lifecycle as one discriminated union, with pure transitions. The worker keeps one
 * `EngineState`, changes it only through {@link transition}, and derives the page's status events from it.
 *
 * ```
 * idle → loading-library → keyword-ready → loading-model → indexing → ready
 *             │                  │              │  │           │        │
 *             ▼                  ▼              │  ▼           ▼        └─ reindex → indexing
 *   failed{library}          cancelled ◀────────┘ failed{model} failed{index}
 * ```
 * Every `failed` and `cancelled` state goes back to the step that stopped when started again; a cancelled
 * download is not an error. Anything else is refused with {@link IllegalTransitionError}.
 */

import type { FailureCause } from './failure';

/** The step a failure happened in. */
export type EngineStage = 'library' | 'model' | 'index';

/** Where the engine stands. */
export type EngineState =
  | { phase: 'idle' }
  | { phase: 'loading-library' }
  | { phase: 'keyword-ready' }
  | { phase: 'loading-model'; modelId: string }
  | { phase: 'indexing'; modelId: string }
  | { phase: 'ready'; modelId: string }
  | { phase: 'failed'; stage: EngineStage; cause: FailureCause; retryable: boolean; modelId?: string }
  | { phase: 'cancelled'; modelId: string };

/** What happens to the engine. */
export type EngineEvent =
  | { type: 'load-library' }
  | { type: 'library-loaded' }
  | { type: 'load-model'; modelId: string }
  | { type: 'model-loaded' }
  | { type: 'cancel'; modelId: string }
  | { type: 'index-built' }
  | { type: 'reindex' }
  | { type: 'fail'; stage: EngineStage; cause: FailureCause; retryable: boolean };

/** Thrown for an event the current state does not accept; names both. */
export class IllegalTransitionError extends Error {
  constructor(state: EngineState, event: EngineEvent) {
    super(`engine: “${event.type}” is not possible while ${describePhase(state)}`);
    this.name = 'IllegalTransitionError';
  }
}

/** The state before anything happened. */
export const IDLE: EngineState = { phase: 'idle' };

function describePhase(state: EngineState): string {
  return state.phase === 'failed' ? `failed in ${state.stage}` : state.phase;
}

/** The model a state is about, if any. */
function modelOf(state: EngineState): string | undefined {
  return 'modelId' in state ? state.modelId : undefined;
}

/** Which stage a `fail` event may come from, per phase. */
const FAILING_STAGE: Partial<Record<EngineState['phase'], EngineStage>> = {
  'loading-library': 'library',
  'loading-model': 'model',
  indexing: 'index',
};

/**
 * The next state, or {@link IllegalTransitionError} when `event` makes no sense in `state`.
 *
 * @example
 * transition({ phase: 'idle' }, { type: 'load-library' }); // { phase: 'loading-library' }
 * transition({ phase: 'idle' }, { type: 'index-built' }); // throws IllegalTransitionError
 */
export function transition(state: EngineState, event: EngineEvent): EngineState {
  const next = nextState(state, event);
  if (!next) throw new IllegalTransitionError(state, event);
  return next;
}

function nextState(state: EngineState, event: EngineEvent): EngineState | undefined {
  switch (event.type) {
    case 'load-library':
      return state.phase === 'idle' || (state.phase === 'failed' && state.stage === 'library')
        ? { phase: 'loading-library' }
        : undefined;
    case 'library-loaded':
      return state.phase === 'loading-library' ? { phase: 'keyword-ready' } : undefined;
    case 'load-model':
      return state.phase === 'keyword-ready' ||
        state.phase === 'cancelled' ||
        (state.phase === 'failed' && state.stage === 'model')
        ? { phase: 'loading-model', modelId: event.modelId }
        : undefined;
    case 'model-loaded':
      return state.phase === 'loading-model' ? { phase: 'indexing', modelId: state.modelId } : undefined;
    case 'cancel':
      return state.phase === 'keyword-ready' || state.phase === 'loading-model'
        ? { phase: 'cancelled', modelId: event.modelId }
        : undefined;
    case 'index-built':
      return state.phase === 'indexing' ? { phase: 'ready', modelId: state.modelId } : undefined;
    case 'reindex': {
      const modelId = modelOf(state);
      const canReindex = state.phase === 'ready' || (state.phase === 'failed' && state.stage === 'index');
      return canReindex && modelId !== undefined ? { phase: 'indexing', modelId } : undefined;
    }
    case 'fail':
      return FAILING_STAGE[state.phase] === event.stage
        ? {
            phase: 'failed',
            stage: event.stage,
            cause: event.cause,
            retryable: event.retryable,
            modelId: modelOf(state),
          }
        : undefined;
  }
}

/** Whether keyword search can run: the library is loaded and nothing later failed it. */
export function libraryLoaded(state: EngineState): boolean {
  return !(
    state.phase === 'idle' ||
    state.phase === 'loading-library' ||
    (state.phase === 'failed' && state.stage === 'library')
  );
}
