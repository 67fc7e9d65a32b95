/**
 * Where onnxruntime-web's runtime is served: the app's own origin (`/ort/`, see scripts/vite-ort-assets.ts),
 * the same asyncify build the app's worker loads.
 */

/**
 * Absolute URLs of the runtime files for `env.wasm.wasmPaths`.
 *
 * @example
 * ort.env.wasm.wasmPaths = ortWasmPaths(self.location.origin);
 */
export function ortWasmPaths(origin: string): { wasm: string; mjs: string } {
  return {
    wasm: new URL('/ort/ort-wasm-simd-threaded.asyncify.wasm', origin).href,
    mjs: new URL('/ort/ort-wasm-simd-threaded.asyncify.mjs', origin).href,
  };
}
