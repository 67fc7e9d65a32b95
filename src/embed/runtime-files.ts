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
 * onnxruntime-web's two WASM builds the app serves. `asyncify` (27 MB) runs both the WebGPU and the WASM
 * execution providers; `plain` (14 MB, the one transformers.js itself picks where WebGPU is absent) runs
 * only WASM, with half the code for V8 to compile at every start (see BENCHMARKS.md, Cold start).
 */
export type OrtBuild = 'plain' | 'asyncify';

/** The runtime files of each build. */
export const ORT_FILES: Readonly<Record<OrtBuild, { wasm: string; mjs: string }>> = {
  plain: { wasm: 'ort-wasm-simd-threaded.wasm', mjs: 'ort-wasm-simd-threaded.mjs' },
  asyncify: { wasm: 'ort-wasm-simd-threaded.asyncify.wasm', mjs: 'ort-wasm-simd-threaded.asyncify.mjs' },
};

/**
 * The build a worker starts onnxruntime with: `asyncify` when it may run a model on WebGPU, else `plain`.
 * onnxruntime loads one build per worker, so a worker that might use WebGPU at all needs `asyncify`.
 *
 * @example
 * ortBuildFor(adapter !== undefined); // 'plain' without a WebGPU adapter
 */
export function ortBuildFor(mayUseWebGpu: boolean): OrtBuild {
  return mayUseWebGpu ? 'asyncify' : 'plain';
}

/**
 * Absolute URLs of a build's runtime files for `env.backends.onnx.wasm.wasmPaths`.
 *
 * @example
 * env.backends.onnx.wasm.wasmPaths = ortWasmPaths(self.location.origin, 'plain');
 */
export function ortWasmPaths(origin: string, build: OrtBuild): { wasm: string; mjs: string } {
  const files = ORT_FILES[build];
  return {
    wasm: new URL(`${ORT_BASE}${files.wasm}`, origin).href,
    mjs: new URL(`${ORT_BASE}${files.mjs}`, origin).href,
  };
}
