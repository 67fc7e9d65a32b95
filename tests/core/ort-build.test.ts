/** Which onnxruntime build a worker starts with: the WASM-only one unless it may run WebGPU. */
import { describe, expect, it } from 'vitest';
import { ortBuildFor, ortWasmPaths } from '../../src/embed/runtime-files';

describe('the onnxruntime build', () => {
  it('is the WASM-only build without WebGPU and the asyncify build with it', () => {
    expect(ortBuildFor(false)).toBe('plain');
    expect(ortBuildFor(true)).toBe('asyncify');
  });

  it("points both runtime files of a build at the app's own /ort/", () => {
    expect(ortWasmPaths('http://127.0.0.1:4173', 'plain')).toEqual({
      wasm: 'http://127.0.0.1:4173/ort/ort-wasm-simd-threaded.wasm',
      mjs: 'http://127.0.0.1:4173/ort/ort-wasm-simd-threaded.mjs',
    });
    expect(ortWasmPaths('http://127.0.0.1:4173', 'asyncify')).toEqual({
      wasm: 'http://127.0.0.1:4173/ort/ort-wasm-simd-threaded.asyncify.wasm',
      mjs: 'http://127.0.0.1:4173/ort/ort-wasm-simd-threaded.asyncify.mjs',
    });
  });
});
