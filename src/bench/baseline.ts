/**
 * The usual way to embed with transformers.js, as its README shows: one `pipeline('feature-extraction')` call
 * per passage, at transformers.js's default dtype and onnxruntime-web's default thread count (neither is
 * set here; both are reported). Runs over the passages the app stored in IndexedDB, with the model files
 * the app serves.
 */
import { env, pipeline, type ProgressInfo } from '@huggingface/transformers';
import { findModel } from '../embed/registry';
import { openSearchDb, readPassages } from '../storage';
import { ortWasmPaths } from '../embed/runtime-files';
import type { BaselineRequest, BaselineResult } from './protocol';

/**
 * Loads the model, makes one untimed warm-up call, then times embedding every stored passage one by one.
 *
 * @example
 * await runBaseline({ modelId: 'fixture-small-zh' }); // { passages: 93, ms: 15200, weights: 'onnx/model_quantized.onnx', threads: 1, ... }
 */
export async function runBaseline(request: BaselineRequest): Promise<BaselineResult> {
  const model = findModel(request.modelId);
  if (!model) throw new Error(`unknown model ${request.modelId}`);
  env.allowLocalModels = true;
  env.localModelPath = '/models/';
  env.allowRemoteModels = false;
  // As in the app (workers/model-host.ts): onnxruntime from /ort/ itself, not a blob: copy the CSP forbids.
  env.useWasmCache = false;
  const wasm = env.backends.onnx.wasm;
  // transformers.js's own choice in Chromium: the asyncify build (WebGPU and WASM).
  if (wasm) wasm.wasmPaths = ortWasmPaths(self.location.origin, 'asyncify');
  const db = await openSearchDb();
  const passages = await readPassages(db);
  db.close();
  if (passages.length === 0) throw new Error('no stored passages: index the corpus in the app first');

  const files: string[] = [];
  const extractor = await pipeline('feature-extraction', model.id, {
    device: 'wasm',
    progress_callback: (info: ProgressInfo) => {
      if (info.status === 'done' && info.file.endsWith('.onnx')) files.push(info.file);
    },
  });
  const options = { pooling: model.pooling, normalize: model.normalize };
  (await extractor('warm-up 预热', options)).dispose();
  const started = performance.now();
  for (const passage of passages) (await extractor(passage.text, options)).dispose();
  const ms = performance.now() - started;
  await extractor.dispose();
  return {
    passages: passages.length,
    tokenCounts: passages.map((passage) => passage.tokens),
    ms,
    weights: files.join(', '),
    threads: wasm?.numThreads ?? 1,
  };
}
