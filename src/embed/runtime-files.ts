/**
 * Facts about the runtime the app loads models with, in one place: the ONNX file name transformers.js asks
 * for per weight precision, the hub's URL layout, transformers.js's Cache Storage name, and onnxruntime-web's
 * runtime files served from the app's own origin. Pure data and string functions; imports no runtime.
 */

/** Weight precisions the app loads (transformers.js `dtype` values). */
export type Dtype = 'fp32' | 'fp16' | 'q8';

/** File-name suffix per precision, as transformers.js's `DEFAULT_DTYPE_SUFFIX_MAPPING` has it. */
const ONNX_SUFFIX: Record<Dtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized' };

/**
 * The ONNX weights file transformers.js loads for a precision.
 *
 * @example
 * onnxFileFor('q8'); // 'onnx/model_quantized.onnx'
 */
export function onnxFileFor(dtype: Dtype): string {
  return `onnx/model${ONNX_SUFFIX[dtype]}.onnx`;
}

/** The Hugging Face hub; transformers.js's default `env.remoteHost`. */
export const HUB_URL = 'https://huggingface.co/';

/**
 * The URL of a model file on a hub laid out like Hugging Face's (`{host}{id}/resolve/{revision}/{file}`),
 * which is also the Cache Storage key transformers.js stores a download under.
 *
 * @example
 * hubFileUrl(HUB_URL, 'Xenova/bge-m3', 'config.json'); // 'https://huggingface.co/Xenova/bge-m3/resolve/main/config.json'
 */
export function hubFileUrl(host: string, modelId: string, file: string, revision = 'main'): string {
  const base = host.endsWith('/') ? host : `${host}/`;
  return `${base}${modelId}/resolve/${revision}/${file}`;
}

/** Name of transformers.js's Cache Storage cache (its `env.cacheKey`). */
export const MODEL_CACHE_NAME = 'transformers-cache';

/** URL path onnxruntime-web's runtime files are served under, on the app's own origin. */
export const ORT_BASE = '/ort/';

/**
 * Which onnxruntime-web build a worker loads. `webgpu` is the one transformers.js loads by default (asyncify:
 * WebGPU and WASM, 27 MB); `wasm` runs WASM only (14 MB). V8 compiles the hot functions of the runtime
 * again at its top tier in background threads while the first inferences run; on 2 cores that compile took
 * a core from the second WASM thread for the first seconds of indexing, and the asyncify build's compile
 * costs about twice the plain one's (BENCHMARKS.md, indexing ratio).
 */
export type OrtRuntime = 'webgpu' | 'wasm';

/** The files of each onnxruntime-web build, served from {@link ORT_BASE}. */
export const ORT_RUNTIMES: Record<OrtRuntime, { wasm: string; mjs: string }> = {
  webgpu: { wasm: 'ort-wasm-simd-threaded.asyncify.wasm', mjs: 'ort-wasm-simd-threaded.asyncify.mjs' },
  wasm: { wasm: 'ort-wasm-simd-threaded.wasm', mjs: 'ort-wasm-simd-threaded.mjs' },
};

/**
 * The build a worker needs: the WASM-only one when WebGPU will not be used (the device is forced to WASM,
 * or the browser has no WebGPU adapter). onnxruntime loads one build per worker, so this is decided once.
 *
 * @example
 * ortRuntimeFor({ forcedDevice: 'wasm', hasAdapter: true }); // 'wasm'
 * ortRuntimeFor({ forcedDevice: undefined, hasAdapter: true }); // 'webgpu'
 */
export function ortRuntimeFor(facts: { forcedDevice?: 'wasm' | 'webgpu'; hasAdapter: boolean }): OrtRuntime {
  return facts.forcedDevice === 'wasm' || !facts.hasAdapter ? 'wasm' : 'webgpu';
}

/**
 * Absolute URLs of a build's runtime files for `env.backends.onnx.wasm.wasmPaths`.
 *
 * @example
 * env.backends.onnx.wasm.wasmPaths = ortWasmPaths(self.location.origin, 'wasm');
 */
export function ortWasmPaths(origin: string, runtime: OrtRuntime): { wasm: string; mjs: string } {
  const files = ORT_RUNTIMES[runtime];
  return {
    wasm: new URL(`${ORT_BASE}${files.wasm}`, origin).href,
    mjs: new URL(`${ORT_BASE}${files.mjs}`, origin).href,
  };
}
