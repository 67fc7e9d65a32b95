import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticPassages } from '../../../src/core/inspect/synthetic';
import { createTokenCounter } from '../../../src/core/tokenize/bert-tokenizer';

describe('syntheticPassages', () => {
  it('gives batch passages of exactly seq tokens each', () => {
    const count = createTokenCounter(readFileSync('public/tokenizer/bert-base-chinese-vocab.txt', 'utf8'));
    for (const seq of [64, 256, 512]) {
      const passages = syntheticPassages(8, seq);
      expect(passages).toHaveLength(8);
      expect(new Set(passages).size).toBe(8);
      expect(passages.every((text) => count(text) === seq)).toBe(true);
    }
  });
});
