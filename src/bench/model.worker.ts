/**
 * The bench page's model worker: runs one baseline, ours, accuracy or peak task and replies once. A fresh worker per task,
 * so each gets its own onnxruntime with its own thread count.
 */
import { runBaseline } from './baseline';
import type { ModelReply, ModelTask } from './model-task';
import { runAccuracy, runOurs } from './ours';
import { runPeak } from './peak';

function run(message: ModelTask): Promise<unknown> {
  switch (message.task) {
    case 'baseline':
      return runBaseline(message.request);
    case 'ours':
      return runOurs(message.request);
    case 'accuracy':
      return runAccuracy(message.request);
    case 'peak':
      return runPeak(message.request, message.models);
  }
}

self.addEventListener('message', (event: MessageEvent<ModelTask>) => {
  run(event.data)
    .then((value): ModelReply => ({ ok: true, value }))
    .catch((error: unknown): ModelReply => ({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }))
    .then((reply) => self.postMessage(reply));
});
