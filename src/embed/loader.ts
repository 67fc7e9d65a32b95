/**
 * Loads an embedding model with transformers.js and wraps it as an `Embedder`.
 * Runs in the worker (browser) and in Node scripts; knows nothing of IndexedDB or React.
 */
import { env, pipeline, type FeatureExtractionPipeline, type ProgressInfo } from '@huggingface/transformers';
import type { FileDoneEvent, FileProgressEvent } from '../core/status/events';
import { toSimplified } from '../core/text/script';
import type { EmbedTrace } from '../shared/inspect';
import { traceEmbed } from './traced-embed';
import type { Device, Dtype, ModelEntry } from './registry';

/** Where model files come from. */
export interface ModelHosting {
  /** Base path or URL of self-hosted and local models (e.g. `/models/`); null: none. */
  localModelPath: string | null;
  /** Hub base URL (the Hugging Face hub, a mirror or a test hub); null: never download. */
  remoteHost: string | null;
}

/** Options for {@link loadEmbedder}. */
export interface LoadOptions {
  /** The registry entry to load. */
  model: ModelEntry;
  /** Execution device: WebGPU or WASM in the browser, `cpu` (onnxruntime-node) in Node scripts. */
  device: Device | 'cpu';
  /** Weight precision. */
  dtype: Dtype;
  /** WASM threads (1 when the page is not cross-origin isolated). */
  threads: number;
  /** Where the files come from. */
  hosting: ModelHosting;
  /** Called with each file's progress and completion. */
  onProgress?: (event: FileProgressEvent | FileDoneEvent) => void;
}

/** A loaded model that turns texts into unit vectors. */
export interface Embedder {
  /** Vector length. */
  readonly dims: number;
  /** Embeds texts (callers add query instructions; zh models see simplified script); returns packed `n × dims`. */
  embed(texts: string[]): Promise<Float32Array>;
  /** Embeds one query step by step with shapes and timings, for the inspector (absent on wrappers that cannot). */
  trace?(text: string): Promise<EmbedTrace>;
  /** Frees the model's session. */
  dispose(): Promise<void>;
}

/**
 * Points transformers.js at the model files and sets the WASM thread count.
 * `wasmPaths` is set by the caller in the browser (the app's own origin, never a CDN).
 */
function configureRuntime(hosting: ModelHosting, threads: number): void {
  env.allowLocalModels = hosting.localModelPath !== null;
  if (hosting.localModelPath !== null) env.localModelPath = hosting.localModelPath;
  env.allowRemoteModels = hosting.remoteHost !== null;
  if (hosting.remoteHost !== null) {
    env.remoteHost = hosting.remoteHost.endsWith('/') ? hosting.remoteHost : `${hosting.remoteHost}/`;
  }
  const wasm = env.backends.onnx.wasm;
  if (wasm) wasm.numThreads = threads;
}

/**
 * Loads a model and returns an embedder using the model's pooling and normalisation.
 *
 * @example
 * const embedder = await loadEmbedder({ model, device: 'wasm', dtype: 'q8', threads: 2, hosting });
 * const vectors = await embedder.embed(['开源模型']);
 */
export async function loadEmbedder(options: LoadOptions): Promise<Embedder> {
  const { model, device, dtype, threads, hosting, onProgress } = options;
  configureRuntime(hosting, threads);
  const extractor: FeatureExtractionPipeline = await pipeline('feature-extraction', model.id, {
    device,
    dtype,
    progress_callback: onProgress ? (info: ProgressInfo) => forwardProgress(info, onProgress) : undefined,
  });
  return {
    dims: model.dims,
    async embed(texts) {
      if (texts.length === 0) return new Float32Array(0);
      const inputs = model.simplifyScript ? texts.map(toSimplified) : texts;
      const output = await extractor(inputs, { pooling: model.pooling, normalize: model.normalize });
      const data = output.data as Float32Array;
      output.dispose();
      if (data.length !== texts.length * model.dims) {
        throw new Error(
          `${model.id}: expected ${model.dims}-dimensional vectors, got ${data.length / texts.length}`,
        );
      }
      return data;
    },
    trace: (text) => traceEmbed(extractor, model, text),
    dispose: () => extractor.dispose(),
  };
}

function forwardProgress(
  info: ProgressInfo,
  onProgress: (event: FileProgressEvent | FileDoneEvent) => void,
): void {
  if (info.status === 'progress') {
    onProgress({ type: 'file-progress', file: info.file, loaded: info.loaded, total: info.total });
  } else if (info.status === 'done') {
    onProgress({ type: 'file-done', file: info.file });
  }
}
