/**
 * The generated test models: their ids and BERT sizes. Tests read this list to assert shapes.
 */

/** Shape of one generated BERT test model. */
export interface TestModelSpec {
  /** Folder name under `public/models/`, also the transformers.js model id. */
  id: string;
  /** Number of encoder layers. */
  layers: number;
  /** Hidden size, which is also the embedding dimension. */
  hidden: number;
  /** Number of attention heads; divides `hidden`. */
  heads: number;
  /** Intermediate (FFN) size. */
  ffn: number;
  /** Vocabulary size (bert-base-chinese). */
  vocabSize: number;
  /** Number of learnt positions. */
  maxPositions: number;
  /** Number of token types. */
  typeVocabSize: number;
}

const BERT_BASE_CHINESE = { vocabSize: 21_128, maxPositions: 512, typeVocabSize: 2 };

/** The fixtures: `fixture-small-zh` has bge-small-zh-v1.5's exact shape, `fixture-tiny` is a fast stand-in. */
export const TEST_MODELS: readonly TestModelSpec[] = [
  { id: 'fixture-small-zh', layers: 4, hidden: 512, heads: 8, ffn: 2048, ...BERT_BASE_CHINESE },
  { id: 'fixture-tiny', layers: 1, hidden: 64, heads: 2, ffn: 256, ...BERT_BASE_CHINESE },
];

/** Marker written into each fixture's `config.json`. */
export const TEST_MODEL_NOTE = 'generated test model: matches shared characters, knows no meanings';
