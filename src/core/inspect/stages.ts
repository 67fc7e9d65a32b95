/**
 * The stages of one search as the inspector's waterfall shows them, and how their measured times add up.
 */

/** Every stage of a search, in the order the data flows through them. */
export const STAGES = [
  'normalise',
  'tokenise',
  'inference',
  'pooling',
  'scan',
  'keyword',
  'fusion',
  'highlight',
  'inspect',
  'transfer',
  'render',
] as const;

/** One stage of a search. */
export type Stage = (typeof STAGES)[number];

/** A measured time of one stage. */
export interface StageTiming {
  /** The stage. */
  stage: Stage;
  /** Milliseconds measured. */
  ms: number;
}

/** The waterfall: one row per stage that ran, in pipeline order, with where it starts. */
export interface Waterfall {
  /** Rows in {@link STAGES} order; a stage measured twice appears once with the sum. */
  rows: { stage: Stage; ms: number; startMs: number }[];
  /** Sum of the rows. */
  totalMs: number;
}

/**
 * Adds up measured stage times into waterfall rows. Stages that did not run (no timing) are left out; a
 * stage timed several times (e.g. tokenise per text) is one row with the sum.
 *
 * @example
 * waterfall([{ stage: 'scan', ms: 2 }, { stage: 'normalise', ms: 1 }, { stage: 'scan', ms: 1 }]);
 * // { rows: [{ stage: 'normalise', ms: 1, startMs: 0 }, { stage: 'scan', ms: 3, startMs: 1 }], totalMs: 4 }
 */
export function waterfall(timings: readonly StageTiming[]): Waterfall {
  const sums = new Map<Stage, number>();
  for (const { stage, ms } of timings) {
    if (!(ms >= 0)) throw new Error(`waterfall: ${stage} has no valid time (${ms})`);
    sums.set(stage, (sums.get(stage) ?? 0) + ms);
  }
  let startMs = 0;
  const rows = STAGES.filter((stage) => sums.has(stage)).map((stage) => {
    const ms = sums.get(stage)!;
    const row = { stage, ms, startMs };
    startMs += ms;
    return row;
  });
  return { rows, totalMs: startMs };
}

/**
 * Times a synchronous step and records it under a stage.
 *
 * @example
 * const terms = timed(timings, 'keyword', () => searchKeyword(index, query, 50));
 */
export function timed<T>(timings: StageTiming[], stage: Stage, step: () => T): T {
  const started = performance.now();
  const value = step();
  timings.push({ stage, ms: performance.now() - started });
  return value;
}
