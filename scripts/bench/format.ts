/**
 * The plain-text report of `npm run bench`: one row per figure, with the target where it has one.
 */
import type { BenchResult, Spread } from './result';

/** A row: label, value, and the target with whether it is met. */
type Row = [label: string, value: string, target?: string, met?: boolean];

const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : value < 1000 ? 1 : 0)} ms`;
const times = (value: number): string => `${value.toFixed(1)}×`;
const spread = (value: Spread): string =>
  `${ms(value.medianMs)} median (${ms(value.minMs)} – ${ms(value.maxMs)})`;

function rows(result: BenchResult): Row[] {
  const { index, query, search, machine, coldStart, accuracy } = result;
  const test = result.testModel ? ' [test model]' : '';
  const table: Row[] = [
    ['model', `${result.model}${test} on ${machine.device} (${machine.dtype}, ${index.threads} threads)`],
    ['corpus', `${index.passages} passages, ${index.tokens} tokens`],
    ['indexing, ours', `${index.oursPerSec.toFixed(1)} passages/s (${ms(index.indexMs)})`],
    [
      'indexing, baseline',
      `${index.baselinePerSec.toFixed(1)} passages/s (${ms(index.baselineMs)}, ${index.baselineWeights}, ${index.baselineThreads} thread(s))`,
    ],
    ...(index.fp32PerSec > 0
      ? ([['indexing, ours at fp32 (?dtype=fp32)', `${index.fp32PerSec.toFixed(1)} passages/s`]] as Row[])
      : []),
    [
      'indexing, ours at 1 thread',
      `${index.oursOneThreadPerSec.toFixed(1)} passages/s (${times(index.oursOneThreadSpeedup)} the baseline: batching alone)`,
    ],
    ['renderer memory peak, model load + indexing', `${(index.peakRendererBytes / 2 ** 20).toFixed(0)} MiB`],
    ['indexing speedup', times(index.speedup), '≥ 2×', index.speedup >= 2],
    ['embedding GFLOP/s', `${index.gflops.toFixed(2)} useful, ${index.paddedGflops.toFixed(2)} with padding`],
    [
      'WASM MatMul peak',
      `${index.peakGflops.toFixed(2)} GFLOP/s (${index.peakShape}, ${index.threads} threads)`,
    ],
    ['WASM MatMul peak, 1 thread', `${index.peakGflopsOneThread.toFixed(2)} GFLOP/s`],
    ['baseline GFLOP/s', index.baselineGflops.toFixed(2)],
    ['fraction of peak', `${(index.fractionOfPeak * 100).toFixed(1)} %`],
    ['query p50 (keystroke → render)', ms(query.p50Ms), '≤ 30 ms', query.p50Ms <= 30],
    ['query p95 (keystroke → render)', ms(query.p95Ms)],
    [
      `query p50 without ${query.debounceMs} ms debounce`,
      ms(query.p50MsWithoutDebounce),
      '≤ 30 ms',
      query.p50MsWithoutDebounce <= 30,
    ],
    [`query p95 without debounce`, ms(query.p95MsWithoutDebounce)],
    ['query engine p50', ms(query.engineP50Ms), '≤ 20 ms', query.engineP50Ms <= 20],
    ['query p50, repeated (cached embedding)', ms(query.cachedP50Ms)],
    [
      'long tasks while indexing',
      `${result.longTasksDuringIndexing} (longest ${ms(result.longestTaskMs)})`,
      '0',
      result.longTasksDuringIndexing === 0,
    ],
    [
      `cold start → first result, ${coldStart.runs} reloads`,
      spread(coldStart.firstResult),
      '≤ 600 ms',
      coldStart.firstResult.medianMs <= 600,
    ],
    [
      `cold start → first ${query.mode} result`,
      spread(coldStart.fullResult),
      '≤ 1500 ms',
      coldStart.fullResult.medianMs <= 1500,
    ],
    [
      'cold start slowest ÷ fastest (first, full)',
      `${times(coldStart.firstResult.ratio)}, ${times(coldStart.fullResult.ratio)}`,
      '≤ 1.5',
      Math.max(coldStart.firstResult.ratio, coldStart.fullResult.ratio) <= 1.5,
    ],
  ];
  if (accuracy) {
    table.push(
      [
        `${accuracy.dtype} vs ${accuracy.reference}${test}: per-passage cosine`,
        `min ${accuracy.minCosine.toFixed(4)}, mean ${accuracy.meanCosine.toFixed(4)} (${accuracy.passages} passages)`,
        '≥ 0.99',
        accuracy.minCosine >= 0.99,
      ],
      [
        `${accuracy.dtype} vs ${accuracy.reference}${test}: top-10 overlap`,
        `mean ${accuracy.meanTop10Overlap.toFixed(3)}, min ${accuracy.minTop10Overlap.toFixed(1)} (${accuracy.queries} dev queries)`,
      ],
    );
  }
  for (const entry of search) {
    const big = entry.vectors >= 100_000;
    const label = `${entry.vectors.toLocaleString('en')} × ${entry.dims}`;
    table.push(
      [
        `${label}: ours (VectorMatrix.search)`,
        ms(entry.oursMs),
        big ? '≤ 20 ms' : undefined,
        big ? entry.oursMs <= 20 : undefined,
      ],
      [`${label}: ours, JS int8 fallback`, ms(entry.int8Ms)],
      [
        `${label}: naive`,
        `${ms(entry.naiveMs)} (ours: ${times(entry.speedupVsNaive)} speedup)`,
        big ? '≥ 8×' : undefined,
        big ? entry.speedupVsNaive >= 8 : undefined,
      ],
      [`${label}: Orama`, `${ms(entry.oramaMs)} (ours: ${times(entry.speedupVsOrama)} speedup)`],
      [
        `${label}: IndexedDB load`,
        ms(entry.idbLoadMs),
        big ? '≤ 600 ms' : undefined,
        big ? entry.idbLoadMs <= 600 : undefined,
      ],
      [`${label}: first IndexedDB load (packs batches)`, ms(entry.idbPackMs)],
      [`${label}: IndexedDB load after adding a 20-passage document`, ms(entry.idbAddMs)],
      [`${label}: stored bytes per vector`, entry.idbBytesPerVector.toFixed(0)],
      [`${label}: same top 10`, entry.sameTop10 ? 'yes' : 'NO'],
    );
  }
  table.push(
    ['browser', `${machine.userAgent}`],
    ['cores, isolated', `${machine.hardwareConcurrency}, ${machine.crossOriginIsolated ? 'yes' : 'no'}`],
    [
      'load average (start, end)',
      `${machine.loadAverage.start.toFixed(2)}, ${machine.loadAverage.end.toFixed(2)}`,
    ],
    ['blocked requests', String(result.blockedRequests)],
    ['wall time', `${result.wallSeconds.toFixed(0)} s`],
  );
  return table;
}

/**
 * The result as an aligned text table.
 *
 * @example
 * process.stdout.write(formatTable(result));
 */
export function formatTable(result: BenchResult): string {
  const table = rows(result);
  const labelWidth = Math.max(...table.map(([label]) => label.length));
  // Only rows with a target need their value padded.
  const valueWidth = Math.max(
    ...table.filter((row) => row[2] !== undefined).map(([, value]) => value.length),
  );
  const lines = table.map(([label, value, target, met]) => {
    const goal = target === undefined ? '' : `  target ${target}: ${met ? 'met' : 'MISSED'}`;
    return `${label.padEnd(labelWidth)}  ${value.padEnd(valueWidth)}${goal}`.trimEnd();
  });
  return `${lines.join('\n')}\n`;
}
