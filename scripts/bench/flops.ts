/**
 * Floating-point work of a BERT encoder, to turn embedding time into achieved GFLOP/s.
 *
 * Per token per layer, multiply-adds: 4·h² (Q, K, V and output projections) + 2·h·ffn (the two FFN
 * matrices) + 2·seq·h (scores Q·Kᵀ and the weighted sum of V over a sequence of `seq` tokens).
 * One multiply-add is 2 FLOPs. Embedding lookups, LayerNorm, softmax, GELU and pooling are left out.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planBatches } from '../../src/core/batching';

/** The sizes that decide a BERT encoder's FLOPs. */
export interface BertShape {
  /** Encoder layers. */
  layers: number;
  /** Hidden size h. */
  hidden: number;
  /** FFN (intermediate) size. */
  ffn: number;
}

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
 * FLOPs to encode one sequence of `seq` tokens: 2 · layers · seq · (4h² + 2h·ffn + 2·seq·h).
 *
 * @example
 * sequenceFlops({ layers: 4, hidden: 512, ffn: 2048 }, 128);
 */
export function sequenceFlops({ layers, hidden, ffn }: BertShape, seq: number): number {
  return 2 * layers * seq * (4 * hidden * hidden + 2 * hidden * ffn + 2 * seq * hidden);
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
