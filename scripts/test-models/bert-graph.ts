/**
 * The full BERT encoder graph of a test model: embeddings (word + position + token type, LayerNorm) and
 * `spec.layers` encoder layers, with the inputs and output transformers.js expects of a `BertModel`.
 */
import { BertOps } from './bert-ops';
import { encoderLayer, layerConstants } from './bert-layer';
import type { TestModelSpec } from './fixtures';
import type { onnx } from 'onnx-proto';
import { GraphBuilder, type TensorInfo } from './onnx-builder';

const TOKEN_INPUTS = ['input_ids', 'attention_mask', 'token_type_ids'];

/** Name of the graph output, `[batch, sequence, hidden]` float32. */
export const OUTPUT_NAME = 'last_hidden_state';

/**
 * Builds the fp32 ONNX model for `spec` with the given `[vocabSize, hidden]` word embeddings; position and
 * token-type embeddings are zero.
 */
export function buildBertModel(spec: TestModelSpec, wordEmbeddings: Float32Array): onnx.IModelProto {
  if (spec.layers < 1) throw new Error('bert-graph: a test model needs at least one layer');
  const g = new GraphBuilder();
  const ops = new BertOps(g);
  const { hidden, vocabSize, maxPositions, typeVocabSize } = spec;

  const wordTable = g.floats('embeddings.word_embeddings.weight', [vocabSize, hidden], wordEmbeddings);
  const positionTable = g.floats(
    'embeddings.position_embeddings.weight',
    [maxPositions, hidden],
    new Float32Array(maxPositions * hidden),
  );
  const typeTable = g.floats(
    'embeddings.token_type_embeddings.weight',
    [typeVocabSize, hidden],
    new Float32Array(typeVocabSize * hidden),
  );
  const zero = g.ints('const.zero', [0]);
  const sequenceLength = g.op('Gather', [g.op('Shape', ['input_ids']), g.ints('const.one_index', [1])], {
    axis: 0,
  });
  const positions = g.op('Slice', [positionTable, zero, sequenceLength, zero]);
  const words = g.op('Gather', [wordTable, 'input_ids'], { axis: 0 });
  const types = g.op('Gather', [typeTable, 'token_type_ids'], { axis: 0 });
  const embedded = g.op('Add', [g.op('Add', [words, types]), positions]);

  let state = ops.layerNorm(embedded, 'embeddings.LayerNorm', hidden);
  const mask = ops.extendedMask('attention_mask');
  const constants = layerConstants(ops, spec);
  for (let i = 0; i < spec.layers; i++) {
    const last = i === spec.layers - 1;
    state = encoderLayer(ops, spec, constants, i, { hidden: state, mask }, last ? OUTPUT_NAME : undefined);
  }

  const inputs: TensorInfo[] = TOKEN_INPUTS.map((name) => ({
    name,
    type: 'int64',
    shape: ['batch', 'sequence'],
  }));
  const output: TensorInfo = { name: OUTPUT_NAME, type: 'float32', shape: ['batch', 'sequence', hidden] };
  return g.model(spec.id, inputs, [output]);
}
