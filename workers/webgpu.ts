/**
 * Asks the browser for a WebGPU adapter, without loading any model runtime.
 */

/** What the app needs to know of a WebGPU adapter. */
export interface WebGpuAdapter {
  /** Whether it can run fp16 shaders (`shader-f16`). */
  hasF16: boolean;
}

/**
 * The browser's WebGPU adapter, or undefined when there is no WebGPU or no adapter.
 *
 * @example
 * const adapter = await webgpuAdapter(); // { hasF16: true } on most recent GPUs
 */
export async function webgpuAdapter(): Promise<WebGpuAdapter | undefined> {
  const gpu = (
    navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ features: Set<string> } | null> } }
  ).gpu;
  if (!gpu) return undefined;
  try {
    const adapter = await gpu.requestAdapter();
    return adapter ? { hasF16: adapter.features.has('shader-f16') } : undefined;
  } catch {
    return undefined;
  }
}
