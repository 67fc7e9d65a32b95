/**
 * Entry of `bench.html`: puts the benchmark functions on `window.bench` for the driver (`npm run bench`).
 * Search and IndexedDB timings run on this page; model work runs in a fresh worker per call.
 */
import { runIdbBench } from './idb';
import { inspectorBench } from './inspector-costs';
import { kernelBench } from './kernels';
import type { ModelReply, ModelTask } from './model-task';
import type { AccuracyResult, BaselineResult, BenchApi, OursResult, PeakResult } from './protocol';
import { runSearchBench } from './search';
import { scaleBench } from './scale';

function inWorker<T>(message: ModelTask, transfer: Transferable[] = []): Promise<T> {
  const worker = new Worker(new URL('./model.worker.ts', import.meta.url), {
    type: 'module',
    name: 'bench-model',
  });
  return new Promise<T>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ModelReply>) => {
      if (event.data.ok) resolve(event.data.value as T);
      else reject(new Error(event.data.error));
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'bench worker failed')));
    worker.postMessage(message, transfer);
  }).finally(() => worker.terminate());
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

const bench: BenchApi = {
  baseline: (request) => inWorker<BaselineResult>({ task: 'baseline', request }),
  ours: (request) => inWorker<OursResult>({ task: 'ours', request }),
  accuracy: (request) => inWorker<AccuracyResult>({ task: 'accuracy', request }),
  peak: (request) => {
    const models = request.shapes.map((shape) => fromBase64(shape.model));
    const shapes = request.shapes.map((shape) => ({ ...shape, model: '' }));
    return inWorker<PeakResult>({ task: 'peak', request: { ...request, shapes }, models }, models);
  },
  search: runSearchBench,
  idbLoad: runIdbBench,
  machine: () => ({
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: self.crossOriginIsolated,
  }),
};

window.bench = bench;
window.scaleBench = scaleBench;
window.inspectorBench = inspectorBench;
window.kernelBench = kernelBench;
