/**
 * Messages between the page and a device-lab worker (`workers/device-lab.worker.ts`). One worker per
 * device and thread count, since onnxruntime fixes its threads when it starts. Types only.
 */
import type { LabRow } from '../core/inspect/lab-report';
import type { Message } from './messages';

export type { LabRow };

/** What the page asks a lab worker. */
export type ToLab =
  | {
      kind: 'embed';
      modelId: string;
      device: 'wasm' | 'webgpu';
      threads: number;
      hubHost?: string;
      cases: { batch: number; seq: number }[];
    }
  | { kind: 'peak'; threads: number };

/** What a lab worker answers: a row per case, then done; or the MatMul peak; or an error. */
export type FromLab =
  | { kind: 'row'; row: LabRow }
  | { kind: 'done' }
  | { kind: 'peak'; gflops: number }
  /** `message` in English (logs); `said`, when set, is what the page shows in the reader's language. */
  | { kind: 'error'; message: string; said?: Message };
