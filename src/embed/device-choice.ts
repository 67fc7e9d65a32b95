/**
 * Which device does which work: WebGPU pays a per-dispatch overhead that makes it slower than WASM for one
 * short query and much faster for large batches, so both are timed at warm-up on the user's device and the
 * faster one takes each kind of work (they may differ). Pure; the timing is done by the model host.
 */
import type { Embedder } from './loader';
import type { Device, Dtype } from './registry';

/** Warm-up timings of one loaded device. */
export interface DeviceTiming {
  /** Device measured. */
  device: Device;
  /** Precision it runs. */
  dtype: Dtype;
  /** One query-sized input, ms. */
  queryMs: number;
  /** One batch of `batchSize` passage-sized inputs, ms. */
  batchMs: number;
  /** Inputs in the batch run. */
  batchSize: number;
}

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
 * A one-line account of an assignment, for the status panel.
 *
 * @example
 * describeWork(assignWork(timings)); // 'queries on wasm (4 ms vs 9), batches on webgpu (2.5 vs 7.5 ms per passage)'
 */
export function describeWork(work: WorkAssignment): string {
  const per = (t: DeviceTiming) => (t.batchMs / t.batchSize).toFixed(1);
  const queryOf = (d: Device) => work.timings.find((t) => t.device === d);
  const others = (d: Device) => work.timings.filter((t) => t.device !== d);
  const query = queryOf(work.query);
  const batch = queryOf(work.batch);
  if (!query || !batch) return '';
  const queryVs = others(work.query).map((t) => `${Math.round(t.queryMs)} on ${t.device}`);
  const batchVs = others(work.batch).map((t) => `${per(t)} on ${t.device}`);
  const versus = (list: string[]) => (list.length ? ` vs ${list.join(', ')}` : '');
  return (
    `queries on ${work.query} (${Math.round(query.queryMs)} ms${versus(queryVs)}), ` +
    `batches on ${work.batch} (${per(batch)} ms per passage${versus(batchVs)})`
  );
}

/**
 * One embedder that sends single texts (queries) to the query device's embedder and larger calls (indexing
 * batches) to the batch device's; disposing it disposes both.
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
    async dispose() {
      await Promise.all([...new Set([query, batch])].map((embedder) => embedder.dispose()));
    },
  };
}
