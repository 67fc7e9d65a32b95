/**
 * Order statistics and run timing for the benchmark, shared by the bench page and the Node driver.
 */

/**
 * The `p`-th percentile (0–100) by linear interpolation between closest ranks; NaN for no samples.
 *
 * @example
 * percentile([1, 2, 3, 4], 50); // 2.5
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/**
 * The median of the samples.
 *
 * @example
 * median([5, 1, 3]); // 3
 */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * Runs `task(i)` `warmup` times untimed, then `runs` times timed, and returns the median ms.
 * Run `i` counts from 0 over warm-up and timed runs, so each run can use its own input.
 *
 * @example
 * const ms = await medianMs(2, 7, (i) => matrix.scan(queries[i % queries.length]!, 10));
 */
export async function medianMs(
  warmup: number,
  runs: number,
  task: (run: number) => unknown,
): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const started = performance.now();
    await task(run);
    if (run >= warmup) times.push(performance.now() - started);
  }
  return median(times);
}
