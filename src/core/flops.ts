/**
 * Floating-point work of a BERT encoder, to turn embedding time into achieved GFLOP/s (the benchmark and the
 * inspector's device lab).
 *
 * Per token per layer, multiply-adds: 4·h² (Q, K, V and output projections) + 2·h·ffn (the two FFN
 * matrices) + 2·seq·h (scores Q·Kᵀ and the weighted sum of V over a sequence of `seq` tokens).
 * One multiply-add is 2 FLOPs. Embedding lookups, LayerNorm, softmax, GELU and pooling are left out.
 */

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
 * FLOPs to encode one sequence of `seq` tokens: 2 · layers · seq · (4h² + 2h·ffn + 2·seq·h).
 *
 * @example
 * sequenceFlops({ layers: 4, hidden: 512, ffn: 2048 }, 128);
 */
export function sequenceFlops({ layers, hidden, ffn }: BertShape, seq: number): number {
  return 2 * layers * seq * (4 * hidden * hidden + 2 * hidden * ffn + 2 * seq * hidden);
}
