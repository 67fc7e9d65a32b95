/**
 * Floating-point work of the corpus, to turn embedding time into achieved GFLOP/s. The per-sequence formula
 * lives in `src/core/flops.ts` (the app's device lab uses it too).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planBatches } from '../../src/core/batching';
import { sequenceFlops, type BertShape } from '../../src/core/flops';

export { sequenceFlops, type BertShape };

/**
 * Reads the encoder shape from a model's `config.json` (Hugging Face BERT keys).
 *
 * @example
 * await readBertShape('public/models/fixture-small-zh'); // { layers: 4, hidden: 512, ffn: 2048 }
 */
export async function readBertShape(modelDir: string): Promise<BertShape> {
  const config = JSON.parse(await readFile(join(modelDir, 'config.json'), 'utf8')) as Record<string, unknown>;
  const shape = {
    layers: config.num_hidden_layers,
    hidden: config.hidden_size,
    ffn: config.intermediate_size,
  };
  if (!Object.values(shape).every((value) => typeof value === 'number' && value > 0)) {
    throw new Error(
      `${modelDir}/config.json: not a BERT config (num_hidden_layers, hidden_size, intermediate_size)`,
    );
  }
  return shape as BertShape;
}

/**
 * FLOPs to encode every sequence once, each at its own length.
 *
 * @example
 * corpusFlops(shape, [120, 300, 45]);
 */
export function corpusFlops(shape: BertShape, tokenCounts: readonly number[]): number {
  return tokenCounts.reduce((sum, seq) => sum + sequenceFlops(shape, seq), 0);
}

/**
 * FLOPs the app's indexer actually computes: passages in its length-sorted batches (`planBatches`), each
 * padded to its batch's longest member.
 *
 * @example
 * paddedCorpusFlops(shape, [120, 300, 45]) >= corpusFlops(shape, [120, 300, 45]); // true
 */
export function paddedCorpusFlops(shape: BertShape, tokenCounts: readonly number[]): number {
  const batches = planBatches(tokenCounts.map((tokens, i) => ({ id: String(i).padStart(8, '0'), tokens })));
  return batches.reduce(
    (sum, batch) => sum + batch.length * sequenceFlops(shape, Math.max(...batch.map((item) => item.tokens))),
    0,
  );
}
