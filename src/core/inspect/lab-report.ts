/**
 * The device lab's results as files to save: JSON with the context, CSV with one line per measurement.
 */
/** One measurement: a batch of synthetic passages of one length on one device. */
export interface LabRow {
  /** `wasm` or `webgpu`. */
  device: 'wasm' | 'webgpu';
  /** WASM threads (0 on WebGPU). */
  threads: number;
  /** Passages per call. */
  batch: number;
  /** Tokens per passage, [CLS] and [SEP] included. */
  seq: number;
  /** Milliseconds of one timed call (after a warm-up). */
  ms: number;
  /** Passages per second. */
  perSec: number;
  /** Achieved GFLOP/s of the encoder's matrix work. */
  gflops: number;
}

const COLUMNS: (keyof LabRow)[] = ['device', 'threads', 'batch', 'seq', 'ms', 'perSec', 'gflops'];

/**
 * One header line and one line per row.
 *
 * @example
 * labCsv([{ device: 'wasm', threads: 1, batch: 8, seq: 64, ms: 40, perSec: 200, gflops: 5 }]);
 * // 'device,threads,batch,seq,ms,perSec,gflops\nwasm,1,8,64,40,200,5\n'
 */
export function labCsv(rows: readonly LabRow[]): string {
  return (
    [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => row[column]).join(','))].join('\n') +
    '\n'
  );
}
