/**
 * Which device and weight precision a model runs with: the first precision of the device's fallback order
 * that the model has files for (and, for fp16 on WebGPU, that the adapter can run), else the next device.
 * Pure; the reason is kept so the app can say why it chose what it did.
 */
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

/** The chosen device and precision, with why, in words. */
export interface PrecisionChoice {
  /** Device to run on. */
  device: Device;
  /** Precision to load. */
  dtype: Dtype;
  /** Why this one, e.g. `the default on wasm` or `this WebGPU adapter lacks shader-f16`. */
  reason: string;
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
): string {
  if (device !== wanted)
    return `${model.id} has no ${DTYPE_ORDER[wanted].join(' or ')} file for ${wanted}; using ${device} ${dtype}`;
  if (dtype === DTYPE_ORDER[device][0]) return `the default on ${device}`;
  const skipped = DTYPE_ORDER[device].slice(0, DTYPE_ORDER[device].indexOf(dtype));
  const why = skipped.map((d) =>
    device === 'webgpu' && d === 'fp16' && !f16 && model.dtypes.includes(d)
      ? 'this WebGPU adapter lacks shader-f16'
      : `${model.id} has no ${d} file`,
  );
  return why.join(', ');
}

/**
 * Chooses device and precision for `model`; never a precision the model has no file for.
 *
 * @throws {Error} when the model lists no precision either device can run.
 * @example
 * choosePrecision(findModel('Xenova/bge-m3')!, { device: 'webgpu', hasShaderF16: true });
 * // { device: 'wasm', dtype: 'q8', reason: 'Xenova/bge-m3 has no fp16 or fp32 file for webgpu; using wasm q8' }
 */
export function choosePrecision(model: ModelEntry, offer: DeviceOffer): PrecisionChoice {
  const { device: wanted, hasShaderF16, dtype: asked } = offer;
  const devices: Device[] = wanted === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'];
  if (asked) {
    const device = devices.find(
      (d) => usable(model, d, asked, hasShaderF16) && DTYPE_ORDER[d].includes(asked),
    );
    if (device) return { device, dtype: asked, reason: 'asked for' };
  }
  for (const device of devices) {
    const dtype = DTYPE_ORDER[device].find((d) => usable(model, device, d, hasShaderF16));
    if (!dtype) continue;
    const reason = defaultReason(model, wanted, device, dtype, hasShaderF16);
    const ignored = asked ? `${asked} was asked for but cannot run here; ` : '';
    return { device, dtype, reason: `${ignored}${reason}` };
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
