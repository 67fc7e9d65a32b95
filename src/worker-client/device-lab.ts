/**
 * Runs device-lab measurements in fresh workers (one per device and thread count) and ends each worker
 * when it is done.
 */
import type { FromLab, LabRow, ToLab } from '../shared/device-lab-protocol';
import { RemoteError } from './bridge';

function labWorker(): Worker {
  return new Worker(new URL('../../workers/device-lab.worker.ts', import.meta.url), {
    type: 'module',
    name: 'device-lab',
  });
}

function run<T>(
  request: ToLab,
  onRow: (row: LabRow) => void,
  finish: (reply: FromLab) => T | undefined,
): Promise<T> {
  const worker = labWorker();
  return new Promise<T>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<FromLab>) => {
      const reply = event.data;
      if (reply.kind === 'row') return onRow(reply.row);
      worker.terminate();
      if (reply.kind === 'error')
        reject(new RemoteError({ name: 'LabError', message: reply.message, said: reply.said }));
      else resolve(finish(reply) as T);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      const detail = event.message || 'unknown error';
      const said = { code: 'lab-stopped', detail } as const;
      reject(
        new RemoteError({ name: 'WorkerStopped', message: `The device lab worker failed (${detail})`, said }),
      );
    });
    worker.postMessage(request);
  });
}

/**
 * Times every case on one device and thread count; each row is reported as soon as it is measured.
 *
 * @example
 * await measureDevice({ kind: 'embed', modelId, device: 'wasm', threads: 1, cases }, (row) => rows.push(row));
 */
export function measureDevice(
  request: Extract<ToLab, { kind: 'embed' }>,
  onRow: (row: LabRow) => void,
): Promise<void> {
  return run(request, onRow, () => undefined);
}

/**
 * The best plain WASM MatMul throughput with `threads` threads, in GFLOP/s.
 *
 * @example
 * await measurePeak(4); // 21.3
 */
export function measurePeak(threads: number): Promise<number> {
  return run(
    { kind: 'peak', threads },
    () => undefined,
    (reply) => (reply.kind === 'peak' ? reply.gflops : undefined),
  );
}

/** Whether this browser has a WebGPU adapter (the lab then measures WebGPU too). */
export { webgpuAdapter } from '../../workers/webgpu';
