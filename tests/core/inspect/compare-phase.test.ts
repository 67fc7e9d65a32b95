import { describe, expect, it } from 'vitest';
import { errorText } from '../../../src/core/engine/failure';
import { comparePhase } from '../../../src/core/inspect/compare-phase';
import type { StatusEvent } from '../../../src/core/status/events';
import { INITIAL_STATUS, reduceStatus } from '../../../src/core/status/reducer';

const after = (...events: StatusEvent[]) => ({
  status: events.reduce(reduceStatus, INITIAL_STATUS),
  crash: '',
  startError: '',
});

const loading: StatusEvent = {
  type: 'model-loading',
  modelId: 'fixture-tiny',
  device: 'wasm',
  dtype: 'q8',
  threads: 2,
  isolated: true,
};
const ready: StatusEvent = {
  type: 'model-ready',
  modelId: 'fixture-tiny',
  device: 'wasm',
  dtype: 'q8',
  threads: 2,
  loadMs: 300,
};

describe('comparePhase', () => {
  it('starts while the library loads', () => {
    expect(comparePhase(after({ type: 'corpus-ready', documents: 5, passages: 93, ms: 10 }))).toEqual({
      phase: 'starting',
    });
  });

  it('sums the model files while they load', () => {
    const phase = comparePhase(
      after(
        loading,
        { type: 'file-progress', file: 'onnx/model_quantized.onnx', loaded: 300, total: 1000 },
        { type: 'file-progress', file: 'tokenizer.json', loaded: 50, total: 100 },
      ),
    );
    expect(phase).toEqual({ phase: 'loading-model', loaded: 350, total: 1100 });
  });

  it('counts the passages embedded of those without a stored vector', () => {
    const phase = comparePhase(
      after(
        loading,
        ready,
        { type: 'index-started', total: 93, toEmbed: 60, reused: 33 },
        { type: 'index-progress', done: 16, total: 60, perSec: 40 },
      ),
    );
    expect(phase).toEqual({ phase: 'embedding', done: 16, toEmbed: 60, reused: 33 });
  });

  it('is ready once every passage has a vector, saying how many were reused', () => {
    const phase = comparePhase(
      after(
        loading,
        ready,
        { type: 'index-started', total: 93, toEmbed: 0, reused: 93 },
        { type: 'index-ready', passages: 93, embedded: 0, ms: 12 },
      ),
    );
    expect(phase).toEqual({ phase: 'ready', embedded: 0, reused: 93, total: 93, ms: 12 });
  });

  it('fails with the model’s, the index’s or the engine’s message', () => {
    expect(
      comparePhase(
        after(loading, { type: 'model-failed', modelId: 'fixture-tiny', message: errorText('no weights') }),
      ),
    ).toEqual({ phase: 'failed', stage: 'model', cause: errorText('no weights') });
    expect(
      comparePhase(
        after(
          loading,
          ready,
          { type: 'index-started', total: 9, toEmbed: 9, reused: 0 },
          {
            type: 'index-failed',
            message: errorText('disk full'),
          },
        ),
      ),
    ).toEqual({ phase: 'failed', stage: 'index', cause: errorText('disk full') });
    expect(comparePhase({ ...after(loading), crash: 'out of memory' })).toEqual({
      phase: 'failed',
      stage: 'engine',
      cause: errorText('out of memory'),
    });
  });
});
