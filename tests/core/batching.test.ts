import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBatches } from '../../src/core/batching';

describe('planBatches', () => {
  it('groups similar lengths so padding stays small', () => {
    const items = [300, 20, 290, 25, 30, 310].map((tokens, i) => ({ id: `p${i}`, tokens }));
    const batches = planBatches(items, { maxItems: 3, maxPaddedTokens: 10_000 });
    expect(batches.map((batch) => batch.map((item) => item.tokens))).toEqual([
      [20, 25, 30],
      [290, 300, 310],
    ]);
  });

  it('puts every item in exactly one batch within the limits (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 3, max: 512 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 512, max: 8192 }),
        (lengths, maxItems, maxPaddedTokens) => {
          const items = lengths.map((tokens, i) => ({ id: `p${i}`, tokens }));
          const batches = planBatches(items, { maxItems, maxPaddedTokens });
          const ids = batches
            .flat()
            .map((item) => item.id)
            .sort();
          expect(ids).toEqual(items.map((item) => item.id).sort());
          for (const batch of batches) {
            expect(batch.length).toBeGreaterThan(0);
            expect(batch.length).toBeLessThanOrEqual(maxItems);
            const longest = Math.max(...batch.map((item) => item.tokens));
            if (batch.length > 1) expect(batch.length * longest).toBeLessThanOrEqual(maxPaddedTokens);
          }
        },
      ),
    );
  });
});
