/**
 * The app's own embedding path outside the app: `loadEmbedder` with length-sorted batches (`planBatches`),
 * at a chosen dtype and thread count. Times it ("ours at 1 thread"), and compares two dtypes' vectors
 * (q8 against fp32: per-passage cosine, dev-query top-10 overlap).
 */
import { planBatches, type BatchLimits } from '../core/batching';
import type { Passage } from '../core/types';
import { withQueryInstruction } from '../core/query-instruction';
import { dot } from '../core/vector/dot';
import { scanTopK } from '../core/vector/scan';
import { loadEmbedder, type Embedder } from '../embed/loader';
import { findModel, type Dtype, type ModelEntry } from '../embed/registry';
import { openSearchDb, readPassages } from '../storage';
import { env } from '@huggingface/transformers';
import { ortWasmPaths } from '../embed/runtime-files';
import type { AccuracyRequest, AccuracyResult, OursRequest, OursResult } from './protocol';

const TOP_K = 10;

async function storedPassages(): Promise<Passage[]> {
  const db = await openSearchDb();
  const passages = await readPassages(db);
  db.close();
  if (passages.length === 0) throw new Error('no stored passages: index the corpus in the app first');
  return passages;
}

async function embedderFor(model: ModelEntry, dtype: Dtype, threads: number): Promise<Embedder> {
  // As in the app (workers/model-host.ts): onnxruntime from /ort/ itself, not a blob: copy the CSP forbids.
  env.useWasmCache = false;
  const wasm = env.backends.onnx.wasm;
  if (wasm) wasm.wasmPaths = ortWasmPaths(self.location.origin, 'plain');
  return loadEmbedder({
    model,
    device: 'wasm',
    dtype,
    threads,
    hosting: { localModelPath: '/models/', remoteHost: null },
  });
}

/** Embeds every passage in the app's batches; returns the vectors in passage order. */
async function embedAll(
  embedder: Embedder,
  passages: readonly Passage[],
  limits?: BatchLimits,
): Promise<Float32Array> {
  const dims = embedder.dims;
  const row = new Map(passages.map((passage, i) => [passage.id, i]));
  const vectors = new Float32Array(passages.length * dims);
  for (const batch of planBatches(passages, limits)) {
    const embedded = await embedder.embed(batch.map((passage) => passage.text));
    batch.forEach((passage, i) =>
      vectors.set(embedded.subarray(i * dims, (i + 1) * dims), row.get(passage.id)! * dims),
    );
  }
  return vectors;
}

function modelOf(modelId: string): ModelEntry {
  const model = findModel(modelId);
  if (!model) throw new Error(`unknown model ${modelId}`);
  return model;
}

/**
 * Times the app's batched embedding of every stored passage, after one untimed warm-up call.
 *
 * @example
 * await runOurs({ modelId: 'fixture-small-zh', dtype: 'q8', threads: 1 }); // { passages: 93, ms: 9100, ... }
 */
export async function runOurs(request: OursRequest): Promise<OursResult> {
  const model = modelOf(request.modelId);
  const passages = await storedPassages();
  const embedder = await embedderFor(model, request.dtype, request.threads);
  await embedder.embed(['warm-up 预热']);
  const started = performance.now();
  await embedAll(embedder, passages, request.limits);
  const ms = performance.now() - started;
  await embedder.dispose();
  return { passages: passages.length, ms, threads: request.threads, dtype: request.dtype };
}

/**
 * Embeds the stored passages and the queries with two dtypes and compares them: the cosine of each
 * passage's two vectors, and how many of each query's top 10 passages the two share.
 *
 * @example
 * await runAccuracy({ modelId: 'fixture-small-zh', dtype: 'q8', reference: 'fp32', threads: 2, queries });
 */
export async function runAccuracy(request: AccuracyRequest): Promise<AccuracyResult> {
  const model = modelOf(request.modelId);
  const passages = await storedPassages();
  const queries = request.queries.map((query) => withQueryInstruction(query, model.queryInstruction));
  const run = async (dtype: Dtype) => {
    const embedder = await embedderFor(model, dtype, request.threads);
    const result = { passages: await embedAll(embedder, passages), queries: await embedder.embed(queries) };
    await embedder.dispose();
    return result;
  };
  const tested = await run(request.dtype);
  const reference = await run(request.reference);
  const dims = model.dims;
  const cosines = passages.map((_, i) => dot(tested.passages, i * dims, reference.passages, i * dims, dims));
  const overlaps = queries.map((_, q) => {
    const top = (vectors: { passages: Float32Array; queries: Float32Array }) =>
      new Set(
        scanTopK(vectors.passages, dims, vectors.queries.subarray(q * dims, (q + 1) * dims), TOP_K).map(
          (hit) => hit.index,
        ),
      );
    const mine = top(tested);
    return [...top(reference)].filter((index) => mine.has(index)).length / TOP_K;
  });
  return {
    passages: passages.length,
    minCosine: Math.min(...cosines),
    meanCosine: cosines.reduce((sum, value) => sum + value, 0) / cosines.length,
    queries: queries.length,
    meanTop10Overlap: overlaps.reduce((sum, value) => sum + value, 0) / overlaps.length,
    minTop10Overlap: Math.min(...overlaps),
  };
}
