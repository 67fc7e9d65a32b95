import { describe, expect, it } from 'vitest';
import { waterfall } from '../../../src/core/inspect/stages';

describe('waterfall', () => {
  it('puts stages in pipeline order, each starting where the previous ended, summing to the total', () => {
    const result = waterfall([
      { stage: 'render', ms: 4 },
      { stage: 'inference', ms: 10 },
      { stage: 'normalise', ms: 1 },
    ]);
    expect(result.rows).toEqual([
      { stage: 'normalise', ms: 1, startMs: 0 },
      { stage: 'inference', ms: 10, startMs: 1 },
      { stage: 'render', ms: 4, startMs: 11 },
    ]);
    expect(result.totalMs).toBe(15);
  });

  it('adds up a stage measured more than once into one row', () => {
    const result = waterfall([
      { stage: 'scan', ms: 2 },
      { stage: 'scan', ms: 3 },
    ]);
    expect(result.rows).toEqual([{ stage: 'scan', ms: 5, startMs: 0 }]);
  });

  it('refuses a negative or missing time with a message naming the stage', () => {
    expect(() => waterfall([{ stage: 'fusion', ms: -1 }])).toThrow('waterfall: fusion');
    expect(() => waterfall([{ stage: 'fusion', ms: NaN }])).toThrow('waterfall: fusion');
  });
});
