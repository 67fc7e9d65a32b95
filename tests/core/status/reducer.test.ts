import { describe, expect, it } from 'vitest';
import { errorText } from '../../../src/core/engine/failure';
import type { StatusEvent } from '../../../src/core/status/events';
import type { ModelNotice } from '../../../src/core/status/model-notes';
import { downloadTotals, INITIAL_STATUS, reduceStatus } from '../../../src/core/status/reducer';

const FALLBACK: ModelNotice = {
  code: 'fallback',
  failures: [{ device: 'webgpu', dtype: 'fp16', detail: 'invalid LayerNorm shader module' }],
  device: 'wasm',
  dtype: 'q8',
};
const run = (events: StatusEvent[]) => events.reduce(reduceStatus, INITIAL_STATUS);

describe('status reducer', () => {
  it('tracks per-file download progress and totals', () => {
    const status = run([
      { type: 'model-loading', modelId: 'm', device: 'wasm', dtype: 'q8', threads: 2, isolated: true },
      { type: 'file-progress', file: 'config.json', loaded: 100, total: 100 },
      { type: 'file-done', file: 'config.json' },
      { type: 'file-progress', file: 'onnx/model_quantized.onnx', loaded: 1_000, total: 24_000 },
    ]);
    expect(status.model.phase).toBe('loading');
    expect(downloadTotals(status.model.files)).toEqual({
      filesDone: 1,
      files: 2,
      loaded: 1_100,
      total: 24_100,
    });
  });

  it('keeps a known total when a later progress event lacks one', () => {
    const status = run([
      { type: 'file-progress', file: 'a', loaded: 10, total: 50 },
      { type: 'file-progress', file: 'a', loaded: 20, total: 0 },
    ]);
    expect(status.model.files.a).toEqual({ loaded: 20, total: 50, done: false });
  });

  it('marks a file read from the cache without progress as done with its size unknown', () => {
    const status = run([{ type: 'file-done', file: 'tokenizer.json' }]);
    expect(status.model.files['tokenizer.json']).toEqual({ loaded: 0, total: 0, done: true });
  });

  it('moves the model through loading, ready and failed, clearing old files on a new load', () => {
    const loading = {
      type: 'model-loading',
      modelId: 'm',
      device: 'webgpu',
      dtype: 'fp16',
      threads: 2,
      isolated: true,
    } as const;
    const ready = run([
      loading,
      { type: 'file-done', file: 'x' },
      {
        type: 'model-ready',
        modelId: 'm',
        device: 'wasm',
        dtype: 'q8',
        threads: 2,
        loadMs: 900,
        notices: [FALLBACK],
      },
    ]);
    expect(ready.model).toMatchObject({
      phase: 'ready',
      device: 'wasm',
      dtype: 'q8',
      loadMs: 900,
      notices: [FALLBACK],
    });
    expect(reduceStatus(ready, loading).model.files).toEqual({});
    const failed = reduceStatus(ready, { type: 'model-failed', modelId: 'm', message: errorText('offline') });
    expect(failed.model).toMatchObject({ phase: 'failed', error: errorText('offline') });
  });

  it('reports indexing progress, then the finished index', () => {
    const status = run([
      { type: 'index-started', total: 100, toEmbed: 40, reused: 60 },
      { type: 'index-progress', done: 16, total: 40, perSec: 12.5 },
    ]);
    expect(status.index).toMatchObject({
      phase: 'indexing',
      done: 16,
      toEmbed: 40,
      reused: 60,
      perSec: 12.5,
    });
    const done = reduceStatus(status, { type: 'index-ready', passages: 100, embedded: 40, ms: 3200 });
    expect(done.index).toMatchObject({ phase: 'ready', total: 100, done: 40, reused: 60, ms: 3200 });
  });

  it('does not mutate the previous state', () => {
    const before = run([{ type: 'file-progress', file: 'a', loaded: 1, total: 2 }]);
    const snapshot = JSON.stringify(before);
    reduceStatus(before, { type: 'file-done', file: 'a' });
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});
