import { describe, expect, it } from 'vitest';
import { choosePrecision } from '../../src/embed/precision';
import { DEFAULT_MODEL_ID, findModel, MODELS, type ModelEntry } from '../../src/embed/registry';

const model = (id: string): ModelEntry => {
  const found = findModel(id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe('choosePrecision', () => {
  it('runs the BGE models and the test models alike: q8 on WASM, fp16 on WebGPU with shader-f16', () => {
    for (const id of [DEFAULT_MODEL_ID, 'fixture-small-zh', 'fixture-tiny']) {
      expect(choosePrecision(model(id), { device: 'wasm', hasShaderF16: false })).toEqual({
        device: 'wasm',
        dtype: 'q8',
        reason: { code: 'default', device: 'wasm' },
      });
      expect(choosePrecision(model(id), { device: 'webgpu', hasShaderF16: true })).toMatchObject({
        device: 'webgpu',
        dtype: 'fp16',
      });
    }
  });

  it('takes fp32 on WebGPU when the adapter lacks shader-f16, and says so', () => {
    expect(choosePrecision(model(DEFAULT_MODEL_ID), { device: 'webgpu', hasShaderF16: false })).toEqual({
      device: 'webgpu',
      dtype: 'fp32',
      reason: { code: 'no-shader-f16' },
    });
  });

  it('sends bge-m3 (only q8) to WASM from WebGPU instead of asking for a file it lacks', () => {
    expect(choosePrecision(model('Xenova/bge-m3'), { device: 'webgpu', hasShaderF16: true })).toEqual({
      device: 'wasm',
      dtype: 'q8',
      reason: {
        code: 'no-file-for-device',
        model: 'Xenova/bge-m3',
        wanted: 'webgpu',
        missing: ['fp16', 'fp32'],
        device: 'wasm',
        dtype: 'q8',
      },
    });
  });

  it('honours an asked-for precision the model has, and ignores one it lacks with a reason', () => {
    expect(
      choosePrecision(model('fixture-tiny'), { device: 'wasm', hasShaderF16: false, dtype: 'fp32' }),
    ).toEqual({ device: 'wasm', dtype: 'fp32', reason: { code: 'asked' } });
    expect(
      choosePrecision(model('Xenova/bge-m3'), { device: 'wasm', hasShaderF16: false, dtype: 'fp32' }),
    ).toEqual({
      device: 'wasm',
      dtype: 'q8',
      reason: { code: 'default', device: 'wasm', ignored: 'fp32' },
    });
  });

  it('names the missing file when a device falls back to its second precision', () => {
    const noQ8 = { ...model('fixture-tiny'), dtypes: ['fp32' as const, 'fp16' as const] };
    expect(choosePrecision(noQ8, { device: 'wasm', hasShaderF16: false })).toEqual({
      device: 'wasm',
      dtype: 'fp32',
      reason: { code: 'no-file', model: 'fixture-tiny', missing: 'q8' },
    });
  });

  it('never chooses a precision a model has no file for', () => {
    for (const entry of MODELS)
      for (const device of ['wasm', 'webgpu'] as const)
        for (const hasShaderF16 of [false, true])
          for (const dtype of [undefined, 'fp32', 'fp16', 'q8'] as const)
            expect(entry.dtypes).toContain(choosePrecision(entry, { device, hasShaderF16, dtype }).dtype);
  });

  it('refuses a model with no runnable precision, naming what it lists', () => {
    const fp16Only = { ...model('fixture-tiny'), dtypes: ['fp16' as const] };
    expect(() => choosePrecision(fp16Only, { device: 'wasm', hasShaderF16: false })).toThrow(
      'fixture-tiny has no weights file this app can run (it lists fp16).',
    );
  });
});
