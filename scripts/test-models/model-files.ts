/**
 * The files of one test model in transformers.js local-model layout, as path → bytes.
 */
import { bertTokenizerFiles } from '../../src/core/tokenize/bert-tokenizer';
import { onnxFileFor, type Dtype } from '../../src/embed/runtime-files';
import { buildBertModel } from './bert-graph';
import { LAYER_NORM_EPS } from './bert-ops';
import { TEST_MODEL_NOTE, type TestModelSpec } from './fixtures';
import { convertToFloat16 } from './float16';
import { encodeModel } from './onnx-builder';
import { quantizeDynamic } from './quantize-dynamic';
import { tokenEmbeddings } from './weights';

/** The precisions every test model is written in, as the hub's BGE repos have them. */
export const TEST_MODEL_DTYPES: readonly Dtype[] = ['fp32', 'fp16', 'q8'];

const SPECIAL_ZERO_TOKENS = ['[PAD]', '[CLS]', '[SEP]'];

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** `config.json` of a test model: bge-small-zh-v1.5's config with the spec's sizes. */
export function modelConfig(spec: TestModelSpec): Record<string, unknown> {
  return {
    _test_model: TEST_MODEL_NOTE,
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_act: 'gelu',
    hidden_size: spec.hidden,
    intermediate_size: spec.ffn,
    num_attention_heads: spec.heads,
    num_hidden_layers: spec.layers,
    vocab_size: spec.vocabSize,
    max_position_embeddings: spec.maxPositions,
    type_vocab_size: spec.typeVocabSize,
    layer_norm_eps: LAYER_NORM_EPS,
    pad_token_id: 0,
    position_embedding_type: 'absolute',
    torch_dtype: 'float32',
  };
}

/** Builds every file of the test model `spec` from the vocabulary text (one token per line). */
export function modelFiles(spec: TestModelSpec, vocabText: string): Map<string, Uint8Array> {
  const tokenizer = bertTokenizerFiles(vocabText);
  const vocab = tokenizer.tokenizer.model as { vocab: Record<string, number> };
  const zeroIds = SPECIAL_ZERO_TOKENS.map((token) => vocab.vocab[token] ?? Number.NaN);
  if (zeroIds.some(Number.isNaN)) throw new Error('model-files: vocabulary lacks a special token');
  if (Math.max(...Object.values(vocab.vocab)) >= spec.vocabSize) {
    throw new Error(`model-files: vocabulary does not fit vocab_size ${spec.vocabSize}`);
  }
  const fp32 = buildBertModel(spec, tokenEmbeddings(spec.vocabSize, spec.hidden, zeroIds));
  const variants = { fp32, fp16: convertToFloat16(fp32), q8: quantizeDynamic(fp32) };
  return new Map([
    ['config.json', json(modelConfig(spec))],
    ['tokenizer.json', json(tokenizer.tokenizer)],
    ['tokenizer_config.json', json(tokenizer.config)],
    ...TEST_MODEL_DTYPES.map((dtype): [string, Uint8Array] => [
      onnxFileFor(dtype),
      encodeModel(variants[dtype]),
    ]),
  ]);
}
