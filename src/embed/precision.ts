/**
 * Which device and weight precision a model runs with: the first precision of the device's fallback order
 * that the model has files for (and, for fp16 on WebGPU, that the adapter can run), else the next device.
 * Pure; the reason is kept so the app can say why it chose what it did.
 */
import type { PrecisionReason } from '../core/status/model-notes';
import type { Device, Dtype, ModelEntry } from './registry';

/**
 * Precisions per device, best first: q8 on WASM (onnxruntime's int8 kernels), fp16 on WebGPU when the adapter
 * has `shader-f16`, fp32 on either as the fallback. WASM never takes fp16 (no fast kernels) and WebGPU never
 * takes q8 (its int8 MatMul runs on the CPU), so a model with neither of WebGPU's falls back to WASM.
 */
export const DTYPE_ORDER: Record<Device, readonly Dtype[]> = {
  wasm: ['q8', 'fp32'],
  webgpu: ['fp16', 'fp32'],
};

/** What the device offers. */
export interface DeviceOffer {
  /** The device the app would like to use (WebGPU when an adapter exists, else WASM). */
  device: Device;
  /** Whether the WebGPU adapter has `shader-f16`. */
  hasShaderF16: boolean;
  /** A precision asked for (`?dtype=fp32`, `--dtype fp32`); used when the model has it. */
  dtype?: Dtype;
}

/** The chosen device and precision, with why, as a code the page says in the reader's language. */
export interface PrecisionChoice {
  /** Device to run on. */
  device: Device;
  /** Precision to load. */
  dtype: Dtype;
  /** Why this one, e.g. `{ code: 'default', device: 'wasm' }` or `{ code: 'no-shader-f16' }`. */
  reason: PrecisionReason;
}

function usable(model: ModelEntry, device: Device, dtype: Dtype, hasShaderF16: boolean): boolean {
  return model.dtypes.includes(dtype) && !(device === 'webgpu' && dtype === 'fp16' && !hasShaderF16);
}

function defaultReason(
  model: ModelEntry,
  wanted: Device,
  device: Device,
  dtype: Dtype,
  f16: boolean,
): PrecisionReason {
  if (device !== wanted)
    return {
      code: 'no-file-for-device',
      model: model.id,
      wanted,
      missing: [...DTYPE_ORDER[wanted]],
      device,
      dtype,
    };
  const [best] = DTYPE_ORDER[device];
  if (dtype === best || !best) return { code: 'default', device };
  // Each device's order has two precisions, so one was passed over: for lack of shader-f16 or of its file.
  return device === 'webgpu' && best === 'fp16' && !f16 && model.dtypes.includes(best)
    ? { code: 'no-shader-f16' }
    : { code: 'no-file', model: model.id, missing: best };
}

/**
 * Chooses device and precision for `model`; never a precision the model has no file for.
 *
 * @throws {Error} when the model lists no precision either device can run.
 * @example
 * choosePrecision(findModel('Xenova/bge-m3')!, { device: 'webgpu', hasShaderF16: true });
 * // { device: 'wasm', dtype: 'q8', reason: { code: 'no-file-for-device', model: 'Xenova/bge-m3', wanted: 'webgpu', … } }
 */
export function choosePrecision(model: ModelEntry, offer: DeviceOffer): PrecisionChoice {
  const { device: wanted, hasShaderF16, dtype: asked } = offer;
  const devices: Device[] = wanted === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'];
  if (asked) {
    const device = devices.find(
      (d) => usable(model, d, asked, hasShaderF16) && DTYPE_ORDER[d].includes(asked),
    );
    if (device) return { device, dtype: asked, reason: { code: 'asked' } };
  }
  for (const device of devices) {
    const dtype = DTYPE_ORDER[device].find((d) => usable(model, device, d, hasShaderF16));
    if (!dtype) continue;
    const reason = defaultReason(model, wanted, device, dtype, hasShaderF16);
    return { device, dtype, reason: asked ? { ...reason, ignored: asked } : reason };
  }
  throw new Error(`${model.id} has no weights file this app can run (it lists ${model.dtypes.join(', ')}).`);
}

/**
 * The precision onnxruntime's CPU backends run a model with (WASM in the browser, onnxruntime-node in the
 * scripts): the WASM choice, or `asked` when the model has it.
 *
 * @example
 * wasmDtype(findModel('fixture')!); // 'q8'
 * wasmDtype(findModel('fixture')!, 'fp32'); // 'fp32'
 */
export function wasmDtype(model: ModelEntry, asked?: Dtype): Dtype {
  return choosePrecision(model, { device: 'wasm', hasShaderF16: false, dtype: asked }).dtype;
}
