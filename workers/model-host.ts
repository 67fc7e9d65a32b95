/**
 * Loads the chosen model in the worker: the device and precision (`precision.ts`: WebGPU when an adapter
 * exists, a precision the model has files for), falling back along WebGPU fp16 → WebGPU fp32 → WASM when
 * one fails to load or warm up. With WebGPU working, WASM is timed next to it when that downloads nothing
 * more (`planDeviceTiming`), and each device takes the work it is faster at (`device-choice.ts`); otherwise
 * WebGPU does everything until the user asks for the timing (`LoadedModel.timeWasm`). Everything it says goes
 * out as codes (`src/core/status/model-notes.ts`). Serves onnxruntime from our origin.
 */
import { env } from '@huggingface/transformers';
import type { ModelRequest } from './engine-deps';
import type { DeviceChoiceNote, ModelNotice } from '../src/core/status/model-notes';
import {
  approxWeightsBytes,
  assignWork,
  planDeviceTiming,
  routeWork,
  switchableEmbedder,
  type DeviceTiming,
} from '../src/embed/device-choice';
import { loadFirstWorking } from '../src/embed/fallback';
import { loadEmbedder, type Embedder, type ModelHosting } from '../src/embed/loader';
import { choosePrecision, type PrecisionChoice } from '../src/embed/precision';
import { hostingFor, type Device, type Dtype, type ModelEntry } from '../src/embed/registry';
import {
  HUB_URL,
  MODEL_CACHE_NAME,
  hubFileUrl,
  onnxFileFor,
  ortBuildFor,
  ortWasmPaths,
  type OrtBuild,
} from '../src/embed/runtime-files';
import { webgpuAdapter, type WebGpuAdapter } from './webgpu';

/** A model ready to embed, with how it runs. */
export interface LoadedModel {
  /** The registry entry. */
  model: ModelEntry;
  /** The embedder (queries and batches may run on different devices). */
  embedder: Embedder;
  /** Device of the indexing batches. */
  device: Device;
  /**
   * Present while WASM was left untimed to spare a download: loads WASM, times both devices, gives each the
   * work it is faster at, and announces the new split in a `model-ready` event.
   */
  timeWasm?: () => Promise<void>;
}

const WARM_UP_QUERY = 'warm-up 预热';
const TIMING_PASSAGE =
  '阿里巴巴已经开源了两百多款模型，覆盖语言、视觉和语音等多个方向，开发者可以在本地运行它们。';
const TIMING_BATCH = 8;
/** The onnxruntime build this worker started with (chosen at its first model load). */
let ortBuild: OrtBuild | undefined;

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

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
 * Whether transformers.js has `file` of `model` in its Cache Storage, under either key it looks up: the
 * local path first, then the remote URL (`checkCachedResource`).
 */
async function isCached(model: ModelEntry, file: string, hosting: ModelHosting): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  const cache = await caches.open(MODEL_CACHE_NAME);
  const keys = [
    hosting.localModelPath === null
      ? undefined
      : new URL(`${hosting.localModelPath}${model.id}/${file}`, self.location.origin).href,
    hosting.remoteHost === null ? undefined : hubFileUrl(hosting.remoteHost, model.id, file),
  ];
  for (const key of keys) if (key && (await cache.match(key))) return true;
  return false;
}

/** How the model runs after the device split, and what the device-choice line says. */
interface Split {
  /** The embedder that does the work. */
  embedder: Embedder;
  /** The choice that embeds indexing batches (the status names its device). */
  batch: PrecisionChoice;
  /** What was measured or decided, absent when only one device was tried. */
  choice?: DeviceChoiceNote;
}

/**
 * Loads the model once, on WebGPU if it works, and warms it up. Fallbacks are said in the `model-ready`
 * event's notices, the precision's reason in `dtypeReason`, and the device split in `deviceChoice`.
 */
export async function loadModel({
  model,
  forcedDevice,
  forcedDtype,
  hubHost,
  threads = threadCount(),
  emit,
}: ModelRequest): Promise<LoadedModel> {
  const started = performance.now();
  const adapter = forcedDevice === 'wasm' ? undefined : await webgpuAdapter();
  const wasm = env.backends.onnx.wasm;
  // onnxruntime starts once per worker, from the paths set before its first session: the WASM-only build
  // (half the code to compile at each start) unless this worker may run WebGPU; later loads keep it.
  ortBuild ??= ortBuildFor(adapter !== undefined);
  if (wasm) wasm.wasmPaths = ortWasmPaths(self.location.origin, ortBuild);
  // The runtime files come from our origin and the service worker's precache; transformers.js's own copy
  // in Cache Storage (imported from a blob: URL) would store the 27 MB .wasm twice and need blob: in the CSP.
  env.useWasmCache = false;
  // Model files are kept in transformers.js's Cache Storage, not the HTTP cache. transformers.js also GETs
  // each local file once just to learn its size, while the real download runs: two concurrent requests
  // for one 95 MB URL make Chromium's HTTP cache fail one of them (net::ERR_CACHE_WRITE_FAILURE).
  env.fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });
  // A path, not a URL: transformers.js treats an absolute URL here as remote and skips the local lookup.
  const hosting = hostingFor(model, '/models/', HUB_URL, hubHost);
  const notices: ModelNotice[] = [];
  if (forcedDevice === 'webgpu' && !adapter) notices.push({ code: 'no-webgpu-adapter' });

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
    notices.push({
      code: 'fallback',
      failures: first.failures,
      device: first.choice.device,
      dtype: first.choice.dtype,
    });

  const embedder = switchableEmbedder(first.embedder);
  const loaded: LoadedModel = { model, embedder, device: first.choice.device };
  let loadMs: number | undefined; // the first load's; a later timing of WASM keeps it
  const announce = ({ batch, choice }: Split) =>
    emit({
      type: 'model-ready',
      modelId: model.id,
      device: batch.device,
      dtype: batch.dtype,
      dtypeReason: batch.reason,
      deviceChoice: choice,
      threads: batch.device === 'wasm' ? threads : 0,
      loadMs: (loadMs ??= Math.round(performance.now() - started)),
      notices,
    });
  const adopt = (split: Split) => {
    embedder.switchTo(split.embedder);
    loaded.device = split.batch.device;
    announce(split);
  };
  if (first.choice.device !== 'webgpu' || forcedDevice) {
    adopt({ embedder: first.embedder, batch: first.choice });
    return loaded;
  }
  const cpuChoice = choosePrecision(model, { device: 'wasm', hasShaderF16: false, dtype: forcedDtype });
  const plan = planDeviceTiming({
    gpuDtype: first.choice.dtype,
    wasmDtype: cpuChoice.dtype,
    wasmCached: await isCached(model, onnxFileFor(cpuChoice.dtype), hosting).catch(() => false),
    wasmBytes: approxWeightsBytes(model, cpuChoice.dtype),
  });
  const timeBoth = async () => adopt(await splitWork(first, cpuChoice, load));
  if (plan.kind === 'time-both') {
    await timeBoth();
    return loaded;
  }
  adopt({ embedder: first.embedder, batch: first.choice, choice: plan.note });
  loaded.timeWasm = async () => {
    loaded.timeWasm = undefined;
    await timeBoth();
  };
  return loaded;
}

/**
 * With WebGPU working, also loads the WASM choice, times both, keeps each for the work it is faster at and
 * disposes an embedder that gets no work. A WASM failure keeps WebGPU for everything. The status then names
 * the batch (indexing) device; the device-choice note gives both.
 */
async function splitWork(
  gpu: { choice: PrecisionChoice; embedder: Embedder },
  cpuChoice: PrecisionChoice,
  load: (choice: PrecisionChoice) => Promise<Embedder>,
): Promise<Split> {
  let cpu: Embedder | undefined;
  try {
    cpu = await load(cpuChoice);
    await cpu.embed([WARM_UP_QUERY]);
  } catch (error) {
    await cpu?.dispose().catch(() => undefined);
    return {
      embedder: gpu.embedder,
      batch: gpu.choice,
      choice: { code: 'wasm-failed', detail: message(error) },
    };
  }
  let gpuTiming: DeviceTiming;
  try {
    gpuTiming = await measure(gpu.embedder, gpu.choice);
  } catch (error) {
    // WebGPU passed its one-query warm-up but failed a batch: it cannot index, so WASM does everything.
    await gpu.embedder.dispose().catch(() => undefined);
    return { embedder: cpu, batch: cpuChoice, choice: { code: 'gpu-batch-failed', detail: message(error) } };
  }
  const work = assignWork([gpuTiming, await measure(cpu, cpuChoice)]);
  const used = new Set([work.query, work.batch]);
  if (!used.has('wasm')) await cpu.dispose();
  if (!used.has('webgpu')) await gpu.embedder.dispose();
  return {
    embedder: routeWork(work, { webgpu: gpu.embedder, wasm: cpu }),
    choice: { code: 'measured', ...work },
    batch: work.batch === 'wasm' ? cpuChoice : gpu.choice,
  };
}
