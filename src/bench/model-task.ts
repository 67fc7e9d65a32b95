/**
 * Messages between the bench page and its model worker (`model.worker.ts`), which runs onnxruntime off
 * the page's thread as the app's search worker does.
 */
import type { AccuracyRequest, BaselineRequest, OursRequest, PeakRequest } from './protocol';

/** A task for the model worker. */
export type ModelTask =
  | { task: 'baseline'; request: BaselineRequest }
  | { task: 'ours'; request: OursRequest }
  | { task: 'accuracy'; request: AccuracyRequest }
  | { task: 'peak'; request: PeakRequest; models: ArrayBuffer[] };

/** The worker's one reply. */
export type ModelReply = { ok: true; value: unknown } | { ok: false; error: string };
