import { describe, expect, it } from 'vitest';
import { readUrlState, writeUrlState } from '../../src/app/url-state';

describe('URL state', () => {
  it('reads query, model, mode, device, dtype, hub and language', () => {
    expect(
      readUrlState(
        '?model=fixture-small-zh&q=%E5%BC%80%E6%BA%90&mode=keyword&device=wasm&dtype=fp32&hub=http://127.0.0.1:9/&lang=zh-Hant',
      ),
    ).toEqual({
      query: '开源',
      modelId: 'fixture-small-zh',
      mode: 'keyword',
      device: 'wasm',
      dtype: 'fp32',
      hubHost: 'http://127.0.0.1:9/',
      language: 'zh-Hant',
      inspect: false,
    });
  });

  it('opens the inspector with ?inspect=1 and writes it back only while open', () => {
    expect(readUrlState('?q=x&inspect=1').inspect).toBe(true);
    expect(writeUrlState('?q=x', { query: 'x', mode: 'hybrid', inspect: true })).toBe('?q=x&inspect=1');
    expect(writeUrlState('?q=x&inspect=1', { query: 'x', mode: 'hybrid', inspect: false })).toBe('?q=x');
  });

  it('falls back to hybrid and no forced device for unknown values', () => {
    expect(readUrlState('?mode=fast&device=tpu&dtype=int4')).toMatchObject({
      query: '',
      mode: 'hybrid',
      device: undefined,
      dtype: undefined,
    });
  });

  it('writes query and mode back, keeping other parameters', () => {
    const written = writeUrlState('?model=fixture-tiny&q=old', { query: '开源', mode: 'semantic' });
    expect(readUrlState(written)).toMatchObject({ modelId: 'fixture-tiny', query: '开源', mode: 'semantic' });
    expect(writeUrlState('?q=old', { query: '', mode: 'hybrid' })).toBe('');
  });
});
