/**
 * The best plain WASM matrix multiply: onnxruntime-web sessions of a single MatMul whose weight is a
 * constant (so MLAS pre-packs it, as it does a model's weights), run with the app's thread count.
 */
import * as ort from 'onnxruntime-web/webgpu';
import { mulberry32 } from '../core/random';
import { ortWasmPaths } from '../embed/runtime-files';
import type { PeakRequest, PeakResult, ShapeThroughput } from './protocol';
import { medianMs } from './stats';

const WARMUP_RUNS = 2;

function randomInput(m: number, k: number): ort.Tensor {
  const random = mulberry32(1);
  const data = Float32Array.from({ length: m * k }, () => random() * 2 - 1);
  return new ort.Tensor('float32', data, [m, k]);
}

/**
 * Times every shape (`models[i]` is the ONNX file of `request.shapes[i]`) and returns GFLOP/s of each.
 * Call once per worker: the thread count is fixed when onnxruntime starts.
 *
 * @example
 * await runPeak({ threads: 2, shapes, runs: 7 }, models); // { shapes: [{ shape: '2048×512×2048', gflops: 21.3 }] }
 */
export async function runPeak(request: PeakRequest, models: ArrayBuffer[]): Promise<PeakResult> {
  ort.env.wasm.numThreads = request.threads;
  ort.env.wasm.wasmPaths = ortWasmPaths(self.location.origin, 'plain');
  const shapes: ShapeThroughput[] = [];
  for (const [i, { m, k, n }] of request.shapes.entries()) {
    const session = await ort.InferenceSession.create(new Uint8Array(models[i]!), {
      executionProviders: ['wasm'],
    });
    const feeds = { [session.inputNames[0]!]: randomInput(m, k) };
    const ms = await medianMs(WARMUP_RUNS, request.runs, async () => {
      const outputs = await session.run(feeds);
      for (const output of Object.values(outputs)) output.dispose();
    });
    await session.release();
    shapes.push({ shape: `${m}×${k}×${n}`, gflops: (2 * m * k * n) / (ms * 1e6) });
  }
  return { shapes };
}
