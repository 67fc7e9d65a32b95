/**
 * Loads the chosen model in the worker: the device and precision (`precision.ts`: WebGPU when an adapter
 * exists, a precision the model has files for), falling back along WebGPU fp16 → WebGPU fp32 → WASM when
 * one fails to load or warm up; with both devices working, each is timed and takes the work it is faster
 * at (`device-choice.ts`). Serves onnxruntime from our origin.
 */
import { env } from '@huggingface/transformers';
import type { ModelRequest } from './engine-deps';
import { assignWork, describeWork, routeWork, type DeviceTiming } from '../src/embed/device-choice';
import { loadFirstWorking } from '../src/embed/fallback';
import { loadEmbedder, type Embedder } from '../src/embed/loader';
import { choosePrecision, type PrecisionChoice } from '../src/embed/precision';
import { hostingFor, type Device, type Dtype, type ModelEntry } from '../src/embed/registry';
import { HUB_URL, ortWasmPaths } from '../src/embed/runtime-files';
import { webgpuAdapter, type WebGpuAdapter } from './webgpu';

/** A model ready to embed, with how it runs. */
export interface LoadedModel {
  /** The registry entry. */
  model: ModelEntry;
  /** The embedder (queries and batches may run on different devices). */
  embedder: Embedder;
  /** Device of the indexing batches. */
  device: Device;
}

const WARM_UP_QUERY = 'warm-up 预热';
const TIMING_PASSAGE =
  '阿里巴巴已经开源了两百多款模型，覆盖语言、视觉和语音等多个方向，开发者可以在本地运行它们。';
const TIMING_BATCH = 8;

/** WASM threads: all cores when cross-origin isolated (SharedArrayBuffer available), else one. */
function threadCount(): number {
  return self.crossOriginIsolated ? Math.max(1, navigator.hardwareConcurrency || 1) : 1;
}

/** The choices to try in order: the preferred one, WebGPU without fp16, then WASM (duplicates dropped). */
function fallbackChoices(
  model: ModelEntry,
  adapter: WebGpuAdapter | undefined,
  dtype: Dtype | undefined,
): PrecisionChoice[] {
  const offers = adapter
    ? [
        { device: 'webgpu' as const, hasShaderF16: adapter.hasF16, dtype },
        { device: 'webgpu' as const, hasShaderF16: false, dtype },
        { device: 'wasm' as const, hasShaderF16: false, dtype },
      ]
    : [{ device: 'wasm' as const, hasShaderF16: false, dtype }];
  const choices = offers.map((offer) => choosePrecision(model, offer));
  return choices.filter(
    (c, i) => choices.findIndex((d) => d.device === c.device && d.dtype === c.dtype) === i,
  );
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** A query-sized run and a batch run on a warmed-up embedder. */
async function measure(embedder: Embedder, choice: PrecisionChoice): Promise<DeviceTiming> {
  const batch = Array.from({ length: TIMING_BATCH }, (_, i) => `${i} ${TIMING_PASSAGE}`);
  await embedder.embed(batch); // the first batch shape compiles its own kernels
  return {
    device: choice.device,
    dtype: choice.dtype,
    queryMs: await time(() => embedder.embed([WARM_UP_QUERY])),
    batchMs: await time(() => embedder.embed(batch)),
    batchSize: TIMING_BATCH,
  };
}

/**
 * Loads the model once, on WebGPU if it works, and warms it up. Fallbacks are said in the `model-ready`
 * event's notice, the precision's reason in `dtypeReason`, and the device split in `deviceChoice`.
 */
export async function loadModel({
  model,
  forcedDevice,
  forcedDtype,
  hubHost,
  threads = threadCount(),
  emit,
}: ModelRequest): Promise<LoadedModel> {
  const wasm = env.backends.onnx.wasm;
  if (wasm) wasm.wasmPaths = ortWasmPaths(self.location.origin);
  // The runtime files come from our origin and the service worker's precache; transformers.js's own copy
  // in Cache Storage (imported from a blob: URL) would store the 27 MB .wasm twice and need blob: in the CSP.
  env.useWasmCache = false;
  // Model files are kept in transformers.js's Cache Storage, not the HTTP cache. transformers.js also GETs
  // each local file once just to learn its size, while the real download runs: two concurrent requests
  // for one 95 MB URL make Chromium's HTTP cache fail one of them (net::ERR_CACHE_WRITE_FAILURE).
  env.fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });
  // A path, not a URL: transformers.js treats an absolute URL here as remote and skips the local lookup.
  const hosting = hostingFor(model, '/models/', HUB_URL, hubHost);
  const started = performance.now();
  const adapter = forcedDevice === 'wasm' ? undefined : await webgpuAdapter();
  const notices: string[] = [];
  if (forcedDevice === 'webgpu' && !adapter)
    notices.push('WebGPU was requested but this browser has no WebGPU adapter; using WASM.');

  const load = (choice: PrecisionChoice) => {
    emit({
      type: 'model-loading',
      modelId: model.id,
      ...choice,
      dtypeReason: choice.reason,
      threads,
      isolated: self.crossOriginIsolated,
    });
    return loadEmbedder({ model, ...choice, threads, hosting, onProgress: emit });
  };
  const warmUp = async (embedder: Embedder) => void (await embedder.embed([WARM_UP_QUERY]));
  const first = await loadFirstWorking(fallbackChoices(model, adapter, forcedDtype), load, warmUp);
  if (first.failures.length > 0)
    notices.push(`${first.failures.join('; ')}; using ${first.choice.device} ${first.choice.dtype}.`);

  const split =
    first.choice.device === 'webgpu' && !forcedDevice
      ? await splitWork(model, first, load, forcedDtype)
      : { embedder: first.embedder, batch: first.choice };
  const { batch } = split;
  emit({
    type: 'model-ready',
    modelId: model.id,
    device: batch.device,
    dtype: batch.dtype,
    dtypeReason: batch.reason,
    deviceChoice: split.description,
    threads: batch.device === 'wasm' ? threads : 0,
    loadMs: Math.round(performance.now() - started),
    notice: notices.length > 0 ? notices.join(' ') : undefined,
  });
  return { model, embedder: split.embedder, device: batch.device };
}

/**
 * With WebGPU working, also loads the WASM choice, times both, keeps each for the work it is faster at and
 * disposes an embedder that gets no work. A WASM failure keeps WebGPU for everything. The status then names
 * the batch (indexing) device; the description gives both.
 */
async function splitWork(
  model: ModelEntry,
  gpu: { choice: PrecisionChoice; embedder: Embedder },
  load: (choice: PrecisionChoice) => Promise<Embedder>,
  dtype: Dtype | undefined,
): Promise<{ embedder: Embedder; description?: string; batch: PrecisionChoice }> {
  const cpuChoice = choosePrecision(model, { device: 'wasm', hasShaderF16: false, dtype });
  let cpu: Embedder | undefined;
  try {
    cpu = await load(cpuChoice);
    await cpu.embed([WARM_UP_QUERY]);
  } catch {
    await cpu?.dispose().catch(() => undefined);
    return { embedder: gpu.embedder, batch: gpu.choice };
  }
  let gpuTiming: DeviceTiming;
  try {
    gpuTiming = await measure(gpu.embedder, gpu.choice);
  } catch (error) {
    // WebGPU passed its one-query warm-up but failed a batch: it cannot index, so WASM does everything.
    await gpu.embedder.dispose().catch(() => undefined);
    const detail = error instanceof Error ? error.message : String(error);
    return { embedder: cpu, batch: cpuChoice, description: `webgpu failed a batch (${detail}); all on wasm` };
  }
  const work = assignWork([gpuTiming, await measure(cpu, cpuChoice)]);
  const used = new Set([work.query, work.batch]);
  if (!used.has('wasm')) await cpu.dispose();
  if (!used.has('webgpu')) await gpu.embedder.dispose();
  return {
    embedder: routeWork(work, { webgpu: gpu.embedder, wasm: cpu }),
    description: describeWork(work),
    batch: work.batch === 'wasm' ? cpuChoice : gpu.choice,
  };
}
