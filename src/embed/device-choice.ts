/**
 * Which device does which work: WebGPU pays a per-dispatch overhead that makes it slower than WASM for one
 * short query and much faster for large batches, so both are timed at warm-up on the user's device and the
 * faster one takes each kind of work (they may differ). Pure; the timing is done by the model host.
 */
import type { DeviceChoiceNote, DeviceTiming } from '../core/status/model-notes';
import type { Embedder } from './loader';
import type { Device, Dtype, ModelEntry } from './registry';

export type { DeviceTiming } from '../core/status/model-notes';

/** The device for queries and the one for indexing batches, with the figures they were chosen by. */
export interface WorkAssignment {
  /** Device that embeds single queries. */
  query: Device;
  /** Device that embeds indexing batches. */
  batch: Device;
  /** The measurements, one per device. */
  timings: DeviceTiming[];
}

function fastest(timings: readonly DeviceTiming[], cost: (t: DeviceTiming) => number): Device {
  const [first, ...rest] = timings;
  if (!first) throw new Error('device-choice: no timings');
  return rest.reduce((best, t) => (cost(t) < cost(best) ? t : best), first).device;
}

/**
 * Gives queries to the device with the shortest single-input time and batches to the one with the shortest
 * time per batched input; ties keep the earlier device.
 *
 * @example
 * assignWork([
 *   { device: 'webgpu', dtype: 'fp16', queryMs: 9, batchMs: 20, batchSize: 8 },
 *   { device: 'wasm', dtype: 'q8', queryMs: 4, batchMs: 60, batchSize: 8 },
 * ]); // { query: 'wasm', batch: 'webgpu', timings: [...] }
 */
export function assignWork(timings: readonly DeviceTiming[]): WorkAssignment {
  return {
    query: fastest(timings, (t) => t.queryMs),
    batch: fastest(timings, (t) => t.batchMs / t.batchSize),
    timings: [...timings],
  };
}

/**
 * One embedder that sends single texts (queries) to the query device's embedder and larger calls (indexing
 * batches) to the batch device's; the inspector's trace runs on the query device. Disposing it disposes both.
 *
 * @example
 * const embedder = routeWork(work, { wasm: q8, webgpu: fp16 });
 */
export function routeWork(work: WorkAssignment, embedders: Partial<Record<Device, Embedder>>): Embedder {
  const query = embedders[work.query];
  const batch = embedders[work.batch];
  if (!query || !batch) throw new Error('device-choice: an assigned device has no embedder');
  return {
    dims: query.dims,
    embed: (texts) => (texts.length === 1 ? query : batch).embed(texts),
    trace: query.trace,
    async dispose() {
      await Promise.all([...new Set([query, batch])].map((embedder) => embedder.dispose()));
    },
  };
}

/** Whether to time WASM next to WebGPU now, or leave WebGPU with everything and say why. */
export type TimingPlan =
  | { kind: 'time-both' }
  | { kind: 'webgpu-only'; note: Extract<DeviceChoiceNote, { code: 'wasm-not-timed' }> };

/** What {@link planDeviceTiming} decides from. */
export interface TimingFacts {
  /** Precision WebGPU runs (its file is already loaded). */
  gpuDtype: Dtype;
  /** Precision WASM would run. */
  wasmDtype: Dtype;
  /** Whether WASM's weights file is in the model cache already. */
  wasmCached: boolean;
  /** About how many bytes WASM's weights file would download. */
  wasmBytes: number;
}

/**
 * Times WASM next to WebGPU only when that costs no extra download: WASM's weights are the file WebGPU
 * loaded (same precision) or are cached already. Otherwise WebGPU takes everything and the note says how
 * much timing WASM would download, so the user can choose to.
 *
 * @example
 * planDeviceTiming({ gpuDtype: 'fp16', wasmDtype: 'q8', wasmCached: false, wasmBytes: 25_165_824 });
 * // { kind: 'webgpu-only', note: { code: 'wasm-not-timed', dtype: 'q8', bytes: 25165824 } }
 */
export function planDeviceTiming(facts: TimingFacts): TimingPlan {
  const { gpuDtype, wasmDtype, wasmCached, wasmBytes } = facts;
  if (gpuDtype === wasmDtype || wasmCached) return { kind: 'time-both' };
  return { kind: 'webgpu-only', note: { code: 'wasm-not-timed', dtype: wasmDtype, bytes: wasmBytes } };
}

/** Weights size per precision relative to q8 (one byte per weight): fp16 two bytes, fp32 four. */
const BYTES_PER_WEIGHT: Record<Dtype, number> = { q8: 1, fp16: 2, fp32: 4 };

/**
 * About how many bytes a model's weights file of `dtype` downloads, from the registry's q8 size (bge-small-zh:
 * 24 MB q8, 47.5 MB fp16, 94.9 MB fp32).
 *
 * @example
 * approxWeightsBytes(findModel('Xenova/bge-small-zh-v1.5')!, 'q8'); // 25165824 (24 MB)
 */
export function approxWeightsBytes(model: Pick<ModelEntry, 'sizeMB'>, dtype: Dtype): number {
  return model.sizeMB * BYTES_PER_WEIGHT[dtype] * 1024 ** 2;
}

/** An embedder whose work can move to another embedder later (after WASM is timed on request). */
export interface SwitchableEmbedder extends Embedder {
  /** Sends every later call to `next`; the caller disposes what `next` replaces, if anything. */
  switchTo(next: Embedder): void;
}

/**
 * Wraps `initial` so that the engine keeps one embedder while the model host changes which device does the
 * work; disposing it disposes the current one.
 *
 * @example
 * const embedder = switchableEmbedder(gpu);
 * embedder.switchTo(routeWork(work, { webgpu: gpu, wasm: cpu }));
 */
export function switchableEmbedder(initial: Embedder): SwitchableEmbedder {
  let current = initial;
  return {
    dims: initial.dims,
    embed: (texts) => current.embed(texts),
    // Every loaded and routed embedder traces, so one that could at first still can after a switch.
    trace:
      initial.trace &&
      ((text) => {
        if (!current.trace) throw new Error('switchableEmbedder: the current embedder cannot trace');
        return current.trace(text);
      }),
    dispose: () => current.dispose(),
    switchTo(next) {
      current = next;
    },
  };
}
