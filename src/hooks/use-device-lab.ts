import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../app/message-text';
import type { LabRow } from '../shared/device-lab-protocol';
import { measureDevice, measurePeak, webgpuAdapter } from '../worker-client/device-lab';

/** One device and thread count the lab measures. */
export interface LabConfig {
  /** Device. */
  device: 'wasm' | 'webgpu';
  /** WASM threads (0 for WebGPU). */
  threads: number;
}

/** The device lab's state and its action. */
export interface DeviceLabState {
  /** Measurements so far. */
  rows: LabRow[];
  /** Measured WASM MatMul peak GFLOP/s per thread count. */
  peaks: Record<number, number>;
  /** Configurations measured. */
  configs: LabConfig[];
  /** Whether the browser has a WebGPU adapter (undefined until known). */
  webgpu?: boolean;
  /** A run is going on. */
  running: boolean;
  /** Error in words. */
  error: string;
  /** Measures every case on every configuration. */
  run: (cases: { batch: number; seq: number }[]) => void;
}

/** All cores when cross-origin isolated (multithreaded WASM needs it), else one. */
const allThreads = () => (self.crossOriginIsolated ? Math.max(1, navigator.hardwareConcurrency || 1) : 1);

/** Runs the device lab for `modelId`: WASM with one and all threads, WebGPU when an adapter exists. */
export function useDeviceLab(modelId: string, hubHost?: string): DeviceLabState {
  const [rows, setRows] = useState<LabRow[]>([]);
  const [peaks, setPeaks] = useState<Record<number, number>>({});
  const [webgpu, setWebgpu] = useState<boolean>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    void webgpuAdapter().then((adapter) => setWebgpu(adapter !== undefined));
  }, []);
  const threads = [...new Set([1, allThreads()])];
  const configs: LabConfig[] = [
    ...threads.map((t) => ({ device: 'wasm' as const, threads: t })),
    ...(webgpu ? [{ device: 'webgpu' as const, threads: 0 }] : []),
  ];
  const key = JSON.stringify(configs);

  const run = useCallback(
    (cases: { batch: number; seq: number }[]) => {
      setRows([]);
      setError('');
      setRunning(true);
      const list = JSON.parse(key) as LabConfig[];
      void (async () => {
        try {
          for (const config of list) {
            await measureDevice({ kind: 'embed', modelId, hubHost, cases, ...config }, (row) =>
              setRows((previous) => [...previous, row]),
            );
          }
          for (const config of list.filter((c) => c.device === 'wasm')) {
            const gflops = await measurePeak(config.threads);
            setPeaks((previous) => ({ ...previous, [config.threads]: gflops }));
          }
        } catch (e) {
          setError(e instanceof Error ? errorText(e) : String(e));
        } finally {
          setRunning(false);
        }
      })();
    },
    [key, modelId, hubHost],
  );
  return { rows, peaks, configs, webgpu, running, error, run };
}
