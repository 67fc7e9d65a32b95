/**
 * The usual way to embed with transformers.js: one `pipeline('feature-extraction')` call per passage,
 * default pipeline settings, one WASM thread. Runs over the passages the app stored in IndexedDB, with
 * the model files the app uses.
 */
import { env, pipeline } from '@huggingface/transformers';
import { wasmDtype } from '../embed/precision';
import { findModel } from '../embed/registry';
import { openSearchDb, readPassages } from '../storage';
import { ortWasmPaths } from '../embed/runtime-files';
import type { BaselineRequest, BaselineResult } from './protocol';

/**
 * Loads the model, makes one untimed warm-up call, then times embedding every stored passage one by one.
 *
 * @example
 * await runBaseline({ modelId: 'fixture-small-zh', threads: 1 }); // { passages: 93, ms: 15200, ... }
 */
export async function runBaseline(request: BaselineRequest): Promise<BaselineResult> {
  const model = findModel(request.modelId);
  if (!model) throw new Error(`unknown model ${request.modelId}`);
  // The precision the app loads on WASM (q8 for the BGE and the test models).
  const dtype = wasmDtype(model);
  env.allowLocalModels = true;
  env.localModelPath = '/models/';
  env.allowRemoteModels = false;
  // As in the app (workers/model-host.ts): onnxruntime from /ort/ itself, not a blob: copy the CSP forbids.
  env.useWasmCache = false;
  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    wasm.numThreads = request.threads;
    wasm.wasmPaths = ortWasmPaths(self.location.origin);
  }
  const db = await openSearchDb();
  const passages = await readPassages(db);
  db.close();
  if (passages.length === 0) throw new Error('no stored passages: index the corpus in the app first');

  const extractor = await pipeline('feature-extraction', model.id, { device: 'wasm', dtype });
  const options = { pooling: model.pooling, normalize: model.normalize };
  (await extractor('warm-up 预热', options)).dispose();
  const started = performance.now();
  for (const passage of passages) (await extractor(passage.text, options)).dispose();
  const ms = performance.now() - started;
  await extractor.dispose();
  return { passages: passages.length, tokenCounts: passages.map((passage) => passage.tokens), ms, dtype };
}
