import { describe, expect, it } from 'vitest';
import { importBatches } from '../../src/core/import-batches';

const sized = (...sizes: number[]) => sizes.map((size, id) => ({ id, size }));

describe('importBatches', () => {
  it('keeps order and never exceeds the byte or file limit, except for one oversized item alone', () => {
    const batches = importBatches(sized(40, 40, 10, 100, 5, 5, 5), 64, 2);
    expect(batches.map((batch) => batch.map((item) => item.id))).toEqual([[0], [1, 2], [3], [4, 5], [6]]);
  });

  it('gives nothing for nothing', () => {
    expect(importBatches([], 64, 2)).toEqual([]);
  });
});
