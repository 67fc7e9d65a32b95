/**
 * Status events the worker emits while it loads the model and builds the index.
 * Plain data so they cross the worker boundary unchanged.
 */
import type { FailureCause } from '../engine/failure';
import type { DeviceChoiceNote, ModelNotice, PrecisionReason } from './model-notes';

/** Bytes of one model file received so far. */
export interface FileProgressEvent {
  type: 'file-progress';
  /** File name within the model, e.g. `onnx/model_quantized.onnx`. */
  file: string;
  /** Bytes received. */
  loaded: number;
  /** Total bytes, 0 when the server did not say. */
  total: number;
}

/** One model file is complete (downloaded or read from the cache). */
export interface FileDoneEvent {
  type: 'file-done';
  /** File name within the model. */
  file: string;
}

/** Everything the worker reports about its progress. */
export type StatusEvent =
  | { type: 'corpus-loading' }
  | { type: 'corpus-ready'; documents: number; passages: number; ms: number }
  | {
      type: 'model-loading';
      modelId: string;
      device: string;
      dtype: string;
      /** Why this precision, e.g. `{ code: 'default', device: 'wasm' }`. */
      dtypeReason?: PrecisionReason;
      threads: number;
      isolated: boolean;
    }
  | FileProgressEvent
  | FileDoneEvent
  | {
      type: 'model-ready';
      modelId: string;
      device: string;
      dtype: string;
      /** Why this precision, e.g. `{ code: 'no-shader-f16' }`. */
      dtypeReason?: PrecisionReason;
      /**
       * Which device embeds queries and which batches, with the warm-up figures, or why WASM was not timed;
       * absent when only one device was tried. A later `model-ready` replaces it once WASM is timed on request.
       */
      deviceChoice?: DeviceChoiceNote;
      threads: number;
      loadMs: number;
      /** What the user should know, e.g. that WebGPU failed and WASM took over. */
      notices?: ModelNotice[];
    }
  | { type: 'model-failed'; modelId: string; message: FailureCause }
  | { type: 'index-started'; total: number; toEmbed: number; reused: number }
  | { type: 'index-progress'; done: number; total: number; perSec: number }
  | { type: 'index-ready'; passages: number; embedded: number; ms: number }
  | { type: 'index-failed'; message: FailureCause }
  /** What searches or the documents list return changed (documents, passages or vectors); `version` counts up. */
  | { type: 'library-changed'; version: number }
  /** The set of cached models changed (a model was loaded, deleted or imported). */
  | { type: 'models-changed' }
  /** A bundled article could not be fetched or its bytes differ from the manifest; it was left out. */
  | { type: 'corpus-file-refused'; file: string; reason: 'not-found' | 'hash-mismatch' }
  /**
   * The database and another tab: `upgrade-blocked` while an upgrade waits for another tab to close;
   * `reload-needed` when another tab runs a newer version.
   */
  | { type: 'storage-notice'; notice: 'upgrade-blocked' | 'reload-needed' };
