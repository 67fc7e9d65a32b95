/**
 * The scale benchmark's table, with each target of issue 12 §3 next to the figure it bounds.
 */
import type { ScaleResult } from './scale';

const MIB = 2 ** 20;

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Bytes per ms as GB/s. */
function gbps(bytesPerMs: number): string {
  return (bytesPerMs / 1e6).toFixed(2);
}

/**
 * Markdown tables of a {@link ScaleResult}; targets apply at 200,000 passages and 1,000,000 vectors.
 *
 * @example
 * process.stdout.write(formatScaleTable(result));
 */
export function formatScaleTable(result: ScaleResult): string {
  const lines = [
    `Scale (${result.dims}-d synthetic clustered vectors; no model runs)`,
    '',
    row([
      'passages',
      'ingest passages/s',
      'vectors/s',
      'IndexedDB MiB',
      'B/vector',
      'start→1st keyword ms (read + load)',
      'keyword index MiB',
      'keyword p50 ms',
      'vector load ms',
      'dense p50 ms',
      'path',
      'JS heap MiB',
      'vectors MiB',
      'renderer peak MiB',
    ]),
    row(Array.from({ length: 14 }, () => '---')),
    ...result.sizes.map((size) =>
      row([
        size.passages,
        size.passagesPerSecond.toFixed(0),
        size.vectorsPerSecond.toFixed(0),
        (size.idbBytes / MIB).toFixed(0),
        size.vectorBytesPerVector.toFixed(0),
        `${size.firstKeywordMs.toFixed(0)} (${size.readMs.toFixed(0)} + ${size.libraryLoadMs.toFixed(0)})`,
        (size.keywordIndexBytes / MIB).toFixed(0),
        size.keywordP50Ms.toFixed(1),
        size.vectorLoadMs.toFixed(0),
        size.denseP50Ms.toFixed(1),
        size.densePath,
        (size.jsHeapBytes / MIB).toFixed(0),
        (size.vectorBytes / MIB).toFixed(0),
        (size.rendererPeakBytes / MIB).toFixed(0),
      ]),
    ),
    'targets at 200,000: keyword p50 ≤ 30 ms, dense p50 ≤ 15 ms, start-up ≤ 3,000 ms, JS heap ≤ 1,024 MiB, ≤ 600 B/vector',
    ...result.sizes.map((size) => `load at ${size.passages}: ${size.uptime}`),
    ...result.sizes
      .filter((size) => size.keywordIndexRebuilt)
      .map(
        (size) =>
          `${size.passages}: start-up rebuilt the keyword index (not saved: ${size.keywordIndexError ?? 'signature mismatch'})`,
      ),
  ];
  const { matrix } = result;
  if (matrix) {
    lines.push(
      '',
      row([
        'rows',
        'search p50 ms',
        'exact scan p50 ms',
        'path',
        'recall@10 (stored)',
        'recall@10 (float)',
        'vectors MiB',
        'JS heap MiB',
        'renderer peak MiB',
      ]),
      row(Array.from({ length: 9 }, () => '---')),
      row([
        matrix.rows,
        matrix.searchP50Ms.toFixed(1),
        matrix.scanP50Ms.toFixed(1),
        `${matrix.path} (${matrix.kernels[0]?.kernel ?? 'JavaScript'})`,
        matrix.recallAt10.toFixed(3),
        matrix.recallAt10Float.toFixed(3),
        (matrix.vectorBytes / MIB).toFixed(0),
        (matrix.jsHeapBytes / MIB).toFixed(0),
        (matrix.rendererPeakBytes / MIB).toFixed(0),
      ]),
      `targets at 1,000,000: query ≤ 50 ms, memory ≤ 800 MB, recall@10 ≥ 0.99`,
      '',
      row([
        'kernel (same rows, runs interleaved)',
        'search p50 ms',
        'kernel alone p50 ms',
        'kernel GB/s',
        'rows re-scored',
      ]),
      row(Array.from({ length: 5 }, () => '---')),
      ...matrix.kernels.map((kernel, k) =>
        row([
          `${kernel.kernel}${k === 0 ? ' (app)' : ' (baseline)'}`,
          kernel.searchP50Ms.toFixed(1),
          kernel.kernelP50Ms.toFixed(1),
          gbps(matrix.bytesPerQuery / kernel.kernelP50Ms),
          kernel.rescored.toFixed(0),
        ]),
      ),
      `kernels agree on every top 10: ${matrix.kernelsAgree ? 'yes' : 'NO'}`,
      `scan bound: ${(matrix.bytesPerQuery / MIB).toFixed(0)} MiB of codes per query; memory copies at ${gbps(matrix.copyBytesPerMs)} GB/s`,
      `load: ${matrix.uptime}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
