/** Which onnxruntime-web build a worker loads, and the URLs it loads it from. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORT_RUNTIMES, ortRuntimeFor, ortWasmPaths } from '../../src/embed/runtime-files';

describe('ortRuntimeFor', () => {
  it('loads the WASM-only build when WebGPU will not be used', () => {
    expect(ortRuntimeFor({ forcedDevice: 'wasm', hasAdapter: true })).toBe('wasm');
    expect(ortRuntimeFor({ forcedDevice: undefined, hasAdapter: false })).toBe('wasm');
    expect(ortRuntimeFor({ forcedDevice: 'webgpu', hasAdapter: false })).toBe('wasm');
  });

  it('loads the build that also runs WebGPU when an adapter may be used', () => {
    expect(ortRuntimeFor({ forcedDevice: undefined, hasAdapter: true })).toBe('webgpu');
    expect(ortRuntimeFor({ forcedDevice: 'webgpu', hasAdapter: true })).toBe('webgpu');
  });
});

describe('ortWasmPaths', () => {
  it("points at the chosen build's matching .wasm and .mjs on our own origin", () => {
    expect(ortWasmPaths('http://127.0.0.1:4173', 'wasm')).toEqual({
      wasm: 'http://127.0.0.1:4173/ort/ort-wasm-simd-threaded.wasm',
      mjs: 'http://127.0.0.1:4173/ort/ort-wasm-simd-threaded.mjs',
    });
    expect(ortWasmPaths('http://127.0.0.1:4173', 'webgpu')).toEqual({
      wasm: 'http://127.0.0.1:4173/ort/ort-wasm-simd-threaded.asyncify.wasm',
      mjs: 'http://127.0.0.1:4173/ort/ort-wasm-simd-threaded.asyncify.mjs',
    });
  });

  it('names files that onnxruntime-web ships', () => {
    const transformers = createRequire(import.meta.url).resolve('@huggingface/transformers');
    const dist = dirname(createRequire(transformers).resolve('onnxruntime-web'));
    for (const files of Object.values(ORT_RUNTIMES))
      for (const file of [files.wasm, files.mjs]) expect(existsSync(join(dist, file)), file).toBe(true);
  });
});
