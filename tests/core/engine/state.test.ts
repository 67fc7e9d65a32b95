import { describe, expect, it } from 'vitest';
import { errorText } from '../../../src/core/engine/failure';
import {
  IDLE,
  IllegalTransitionError,
  libraryLoaded,
  transition,
  type EngineEvent,
  type EngineState,
} from '../../../src/core/engine/state';

const M = 'fixture-tiny';
const loadingLibrary: EngineState = { phase: 'loading-library' };
const keywordReady: EngineState = { phase: 'keyword-ready' };
const loadingModel: EngineState = { phase: 'loading-model', modelId: M };
const indexing: EngineState = { phase: 'indexing', modelId: M };
const ready: EngineState = { phase: 'ready', modelId: M };
const cancelled: EngineState = { phase: 'cancelled', modelId: M };
const failedLibrary: EngineState = {
  phase: 'failed',
  stage: 'library',
  cause: errorText('x'),
  retryable: true,
};
const failedModel: EngineState = {
  phase: 'failed',
  stage: 'model',
  cause: errorText('x'),
  retryable: true,
  modelId: M,
};
const failedIndex: EngineState = {
  phase: 'failed',
  stage: 'index',
  cause: errorText('x'),
  retryable: true,
  modelId: M,
};

const fail = (stage: 'library' | 'model' | 'index'): EngineEvent => ({
  type: 'fail',
  stage,
  cause: errorText('disk full'),
  retryable: true,
});

const STATES: Record<string, EngineState> = {
  idle: IDLE,
  loadingLibrary,
  keywordReady,
  loadingModel,
  indexing,
  ready,
  cancelled,
  failedLibrary,
  failedModel,
  failedIndex,
};

const EVENTS: Record<string, EngineEvent> = {
  'load-library': { type: 'load-library' },
  'library-loaded': { type: 'library-loaded' },
  'load-model': { type: 'load-model', modelId: M },
  'model-loaded': { type: 'model-loaded' },
  cancel: { type: 'cancel', modelId: M },
  'index-built': { type: 'index-built' },
  reindex: { type: 'reindex' },
  'fail library': fail('library'),
  'fail model': fail('model'),
  'fail index': fail('index'),
};

/** Every legal transition: [from, event, to]. Everything not listed must be refused. */
const LEGAL: [string, string, EngineState][] = [
  ['idle', 'load-library', loadingLibrary],
  ['failedLibrary', 'load-library', loadingLibrary],
  ['loadingLibrary', 'library-loaded', keywordReady],
  ['loadingLibrary', 'fail library', { ...failedLibrary, cause: errorText('disk full'), modelId: undefined }],
  ['keywordReady', 'load-model', loadingModel],
  ['cancelled', 'load-model', loadingModel],
  ['failedModel', 'load-model', loadingModel],
  ['keywordReady', 'cancel', cancelled],
  ['loadingModel', 'cancel', cancelled],
  ['loadingModel', 'model-loaded', indexing],
  ['loadingModel', 'fail model', { ...failedModel, cause: errorText('disk full') }],
  ['indexing', 'index-built', ready],
  ['indexing', 'fail index', { ...failedIndex, cause: errorText('disk full') }],
  ['ready', 'reindex', indexing],
  ['failedIndex', 'reindex', indexing],
];

describe('engine state transitions', () => {
  it.each(LEGAL)('%s --%s--> next', (from, event, to) => {
    expect(transition(STATES[from]!, EVENTS[event]!)).toEqual(to);
  });

  const legal = new Set(LEGAL.map(([from, event]) => `${from}|${event}`));
  const illegal = Object.keys(STATES).flatMap((from) =>
    Object.keys(EVENTS)
      .filter((event) => !legal.has(`${from}|${event}`))
      .map((event) => [from, event] as const),
  );

  it.each(illegal)('refuses %s --%s-->', (from, event) => {
    expect(() => transition(STATES[from]!, EVENTS[event]!)).toThrow(IllegalTransitionError);
  });

  it('names the event and the phase in the refusal', () => {
    expect(() => transition(IDLE, { type: 'index-built' })).toThrow(
      /“index-built” is not possible while idle/,
    );
    expect(() => transition(failedModel, { type: 'index-built' })).toThrow(/while failed in model/);
  });

  it('runs the whole happy path from idle to ready', () => {
    const path: EngineEvent[] = [
      { type: 'load-library' },
      { type: 'library-loaded' },
      { type: 'load-model', modelId: M },
      { type: 'model-loaded' },
      { type: 'index-built' },
    ];
    expect(path.reduce(transition, IDLE)).toEqual(ready);
  });

  it('says keyword search works from keyword-ready on, and not before or after a library failure', () => {
    expect(libraryLoaded(IDLE)).toBe(false);
    expect(libraryLoaded(loadingLibrary)).toBe(false);
    expect(libraryLoaded(failedLibrary)).toBe(false);
    for (const state of [keywordReady, loadingModel, indexing, ready, cancelled, failedModel, failedIndex])
      expect(libraryLoaded(state)).toBe(true);
  });
});
