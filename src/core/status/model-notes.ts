/**
 * What the model host tells the page about how the model runs — why this precision, which device does which
 * work and with what figures, which fallback was taken — as codes with parameters. The page says them in the
 * reader's language (`src/app/model-notes-text.ts`); plain data, so they cross the worker boundary unchanged.
 */

/** An execution device, as the notes name it. */
export type NoteDevice = 'webgpu' | 'wasm';

/** A weight precision, as the notes name it. */
export type NoteDtype = 'fp32' | 'fp16' | 'q8';

/** Why the model runs at its precision. */
export type PrecisionReason = {
  /** A precision asked for (`?dtype=`) that cannot run here, so the rest of the reason applies instead. */
  ignored?: NoteDtype;
} & (
  | /** The first precision of the device's order. */ { code: 'default'; device: NoteDevice }
  | /** The precision asked for (`?dtype=`). */ { code: 'asked' }
  | /** The WebGPU adapter cannot run fp16, so fp32. */ { code: 'no-shader-f16' }
  | /** The model has no file of the device's better precision. */ {
      code: 'no-file';
      model: string;
      missing: NoteDtype;
    }
  | /** The model has no file the wanted device runs, so another device. */ {
      code: 'no-file-for-device';
      model: string;
      wanted: NoteDevice;
      missing: NoteDtype[];
      device: NoteDevice;
      dtype: NoteDtype;
    }
);

/** Warm-up timings of one loaded device. */
export interface DeviceTiming {
  /** Device measured. */
  device: NoteDevice;
  /** Precision it runs. */
  dtype: NoteDtype;
  /** One query-sized input, ms. */
  queryMs: number;
  /** One batch of `batchSize` passage-sized inputs, ms. */
  batchMs: number;
  /** Inputs in the batch run. */
  batchSize: number;
}

/** Which device embeds queries and which batches, and why, when WebGPU works. */
export type DeviceChoiceNote =
  /** Both devices were timed; each kind of work went to the faster. */
  | { code: 'measured'; query: NoteDevice; batch: NoteDevice; timings: DeviceTiming[] }
  /** WebGPU passed its warm-up but failed a batch (`detail`: the runtime's words), so WASM does everything. */
  | { code: 'gpu-batch-failed'; detail: string }
  /** WASM failed to load or warm up for the timing (`detail`: the runtime's words), so WebGPU does everything. */
  | { code: 'wasm-failed'; detail: string }
  /**
   * WASM was not timed: its weights file (`dtype`, about `bytes`) is not cached and timing it would download
   * it, so WebGPU does everything until the user asks for the timing.
   */
  | { code: 'wasm-not-timed'; dtype: NoteDtype; bytes: number };

/** One device and precision that failed to load or warm up, with the runtime's words. */
export interface LoadFailure {
  /** Device tried. */
  device: NoteDevice;
  /** Precision tried. */
  dtype: NoteDtype;
  /** The runtime's error message (its own words). */
  detail: string;
}

/** Something about the model load the user should know. */
export type ModelNotice =
  /** `?device=webgpu` was asked for, but the browser has no WebGPU adapter. */
  | { code: 'no-webgpu-adapter' }
  /** Earlier choices failed; the model runs on `device` `dtype` instead. */
  | { code: 'fallback'; failures: LoadFailure[]; device: NoteDevice; dtype: NoteDtype };
