import { describe, expect, it } from 'vitest';
import { binOf, histogram } from '../../../src/core/inspect/histogram';

describe('histogram', () => {
  it('counts every score once, the highest in the last bin', () => {
    const hist = histogram(Float32Array.of(0.1, 0.2, 0.5, 0.9), 4);
    expect(hist.counts).toEqual([2, 0, 1, 1]);
    expect(hist.counts.reduce((a, b) => a + b)).toBe(4);
    expect(binOf(hist, 0.9)).toBe(3);
    expect(binOf(hist, 0.1)).toBe(0);
  });

  it('handles equal scores and no scores', () => {
    expect(histogram([0.5, 0.5], 3).counts).toEqual([2, 0, 0]);
    expect(histogram([], 2)).toEqual({ min: 0, max: 0, counts: [0, 0] });
  });
});
