/**
 * Loads the chosen model in the worker: picks the device (WebGPU when an adapter exists and a warm-up run
 * succeeds, else WASM), the dtype per device, the thread count, and serves onnxruntime from our origin.
 */
import { env } from '@huggingface/transformers';
import type { StatusEvent } from '../src/core/status/events';
import { HUB_HOST, loadEmbedder, type Embedder } from '../src/embed/loader';
import { chooseDtype, hostingFor, type Device, type ModelEntry } from '../src/embed/registry';
import { webgpuAdapter } from './webgpu';

/** A model ready to embed, with how it runs. */
export interface LoadedModel {
  /** The registry entry. */
  model: ModelEntry;
  /** The embedder. */
  embedder: Embedder;
  /** Device in use. */
  device: Device;
}

interface ModelHostOptions {
  model: ModelEntry;
  forcedDevice?: Device;
  hubHost?: string;
  /** WASM threads; default all cores when cross-origin isolated (the device lab also measures one). */
  threads?: number;
  emit: (event: StatusEvent) => void;
}

const ORT_FILES = {
  wasm: '/ort/ort-wasm-simd-threaded.asyncify.wasm',
  mjs: '/ort/ort-wasm-simd-threaded.asyncify.mjs',
};

/** WASM threads: all cores when cross-origin isolated (SharedArrayBuffer available), else one. */
function threadCount(): number {
  return self.crossOriginIsolated ? Math.max(1, navigator.hardwareConcurrency || 1) : 1;
}

/**
 * Loads the model once, on WebGPU if it works, and warms it up. A WebGPU failure falls back to WASM and
 * says so in the `model-ready` event's notice.
 */
export async function loadModel({
  model,
  forcedDevice,
  hubHost,
  threads = threadCount(),
  emit,
}: ModelHostOptions): Promise<LoadedModel> {
  const wasm = env.backends.onnx.wasm;
  if (wasm)
    wasm.wasmPaths = {
      wasm: new URL(ORT_FILES.wasm, self.location.origin).href,
      mjs: new URL(ORT_FILES.mjs, self.location.origin).href,
    };
  // The runtime files come from our origin and the service worker's precache; transformers.js's own copy
  // in Cache Storage (imported from a blob: URL) would store the 27 MB .wasm twice and need blob: in the CSP.
  env.useWasmCache = false;
  // Model files are kept in transformers.js's Cache Storage, not the HTTP cache. transformers.js also GETs
  // each local file once just to learn its size, while the real download runs: two concurrent requests
  // for one 95 MB URL make Chromium's HTTP cache fail one of them (net::ERR_CACHE_WRITE_FAILURE).
  env.fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });
  // A path, not a URL: transformers.js treats an absolute URL here as remote and skips the local lookup.
  const hosting = hostingFor(model, '/models/', HUB_HOST, hubHost);
  const started = performance.now();
  const adapter = forcedDevice === 'wasm' ? undefined : await webgpuAdapter();
  let notice: string | undefined;
  if (forcedDevice === 'webgpu' && !adapter)
    notice = 'WebGPU was requested but this browser has no WebGPU adapter; using WASM.';

  const attempt = async (device: Device): Promise<LoadedModel> => {
    const dtype = chooseDtype(model, device, adapter?.hasF16 ?? false);
    emit({
      type: 'model-loading',
      modelId: model.id,
      device,
      dtype,
      threads,
      isolated: self.crossOriginIsolated,
    });
    const embedder = await loadEmbedder({ model, device, dtype, threads, hosting, onProgress: emit });
    await embedder.embed(['warm-up 预热']);
    emit({
      type: 'model-ready',
      modelId: model.id,
      device,
      dtype,
      threads: device === 'wasm' ? threads : 0,
      loadMs: Math.round(performance.now() - started),
      notice,
    });
    return { model, embedder, device };
  };

  if (adapter) {
    try {
      return await attempt('webgpu');
    } catch (error) {
      notice = `WebGPU failed (${error instanceof Error ? error.message : String(error)}); using WASM instead.`;
    }
  }
  return attempt('wasm');
}
