/**
 * A device-lab worker: loads the model on one device with one thread count and times batches of synthetic
 * passages, or measures the plain WASM MatMul peak. The page starts one per configuration.
 */
import { PEAK_SHAPES, matmulModel } from '../scripts/bench/matmul';
import { runPeak } from '../src/bench/peak';
import { sequenceFlops } from '../src/core/flops';
import { syntheticPassages } from '../src/core/inspect/synthetic';
import { findModel } from '../src/embed/registry';
import type { FromLab, ToLab } from '../src/shared/device-lab-protocol';
import { loadModel } from './model-host';
import { SaidError } from './said-error';

const post = (message: FromLab) => self.postMessage(message);

async function embed(request: Extract<ToLab, { kind: 'embed' }>): Promise<void> {
  const model = findModel(request.modelId);
  if (!model) throw new Error(`Unknown model ${request.modelId}`);
  const loaded = await loadModel({
    model,
    forcedDevice: request.device,
    hubHost: request.hubHost,
    threads: request.threads,
    emit: () => undefined,
  });
  if (loaded.device !== request.device) {
    await loaded.embedder.dispose();
    const { device } = request;
    throw new SaidError({ code: 'device-unavailable', device }, `${device} is not available in this browser`);
  }
  // The encoder's shape from the model's own config, as transformers.js loaded it.
  const traced = await loaded.embedder.trace?.('预热');
  if (!traced) throw new Error('The model does not report its shape');
  const shape = { layers: traced.shape.layers, hidden: traced.shape.hidden, ffn: traced.shape.intermediate };
  for (const { batch, seq } of request.cases) {
    const texts = syntheticPassages(batch, seq);
    await loaded.embedder.embed(texts.slice(0, 1)); // warm-up at this length
    const started = performance.now();
    await loaded.embedder.embed(texts);
    const ms = performance.now() - started;
    post({
      kind: 'row',
      row: {
        device: request.device,
        threads: request.device === 'wasm' ? request.threads : 0,
        batch,
        seq,
        ms,
        perSec: (batch * 1000) / ms,
        gflops: (batch * sequenceFlops(shape, seq)) / (ms * 1e6),
      },
    });
  }
  await loaded.embedder.dispose();
}

async function peak(threads: number): Promise<number> {
  const shapes = PEAK_SHAPES.map((shape) => ({ ...shape, model: '' }));
  const models = PEAK_SHAPES.map(({ k, n }) => matmulModel(k, n).slice().buffer);
  const result = await runPeak({ threads, shapes, runs: 3 }, models);
  return Math.max(...result.shapes.map((shape) => shape.gflops));
}

self.addEventListener('message', (event: MessageEvent<ToLab>) => {
  const request = event.data;
  const work =
    request.kind === 'embed'
      ? embed(request).then(() => post({ kind: 'done' }))
      : peak(request.threads).then((gflops) => post({ kind: 'peak', gflops }));
  work.catch((error: unknown) =>
    post({
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
      said: error instanceof SaidError ? error.said : undefined,
    }),
  );
});
