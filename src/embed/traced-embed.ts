/**
 * One query embedded step by step (tokenise, run the model, pool, normalise) with each step's output shape
 * and measured time, for the inspector. Gives the same vector as the pipeline's `embed`.
 */
import { mean_pooling, type FeatureExtractionPipeline, type Tensor } from '@huggingface/transformers';
import { mapTokens } from '../core/inspect/token-map';
import type { StageTiming } from '../core/inspect/stages';
import { toSimplified } from '../core/text/script';
import type { EmbedTrace, ModelShape, TensorInfo } from '../shared/inspect';
import type { ModelEntry } from './registry';

function info(name: string, tensor: Tensor): TensorInfo {
  return { name, shape: [...tensor.dims], dtype: tensor.type };
}

/** Parameters of a BERT encoder: embeddings (+ LayerNorm) and per layer attention, feed-forward, 2 LayerNorms. */
function modelShape(config: Record<string, unknown>): ModelShape {
  const num = (key: string): number => Number(config[key] ?? 0);
  const [hidden, intermediate, vocab] = [num('hidden_size'), num('intermediate_size'), num('vocab_size')];
  const maxPositions = num('max_position_embeddings');
  const embeddings = (vocab + maxPositions + num('type_vocab_size')) * hidden + 2 * hidden;
  const layer =
    4 * (hidden * hidden + hidden) + 2 * hidden * intermediate + intermediate + hidden + 4 * hidden;
  return {
    layers: num('num_hidden_layers'),
    hidden,
    heads: num('num_attention_heads'),
    intermediate,
    vocab,
    maxPositions,
    parameters: embeddings + num('num_hidden_layers') * layer,
  };
}

/**
 * Embeds one query the way the pipeline does, timing and describing each step.
 *
 * @example
 * const trace = await traceEmbed(extractor, model, '为这个句子生成表示以用于检索相关文章：开源');
 * trace.tokens[0].token; // '[CLS]'
 */
export async function traceEmbed(
  extractor: FeatureExtractionPipeline,
  model: ModelEntry,
  text: string,
): Promise<EmbedTrace> {
  const timings: StageTiming[] = [];
  const time = <T>(stage: StageTiming['stage'], started: number, value: T): T => {
    timings.push({ stage, ms: performance.now() - started });
    return value;
  };
  let started = performance.now();
  const modelText = time('normalise', started, model.simplifyScript ? toSimplified(text) : text);
  started = performance.now();
  const inputs = time(
    'tokenise',
    started,
    extractor.tokenizer([modelText], { padding: true, truncation: true }) as Record<string, Tensor>,
  );
  const ids = Array.from(inputs.input_ids!.data as BigInt64Array, Number);
  const tokens = extractor.tokenizer.tokenize(modelText, { add_special_tokens: true }).slice(0, ids.length);
  started = performance.now();
  const outputs = time('inference', started, (await extractor.model(inputs)) as Record<string, Tensor>);
  const hidden = outputs.last_hidden_state!;
  started = performance.now();
  const pooled =
    model.pooling === 'cls' ? hidden.slice(null, 0) : mean_pooling(hidden, inputs.attention_mask!);
  const normalised = model.normalize ? pooled.normalize(2, -1) : pooled;
  const vector = time('pooling', started, Float32Array.from(normalised.data as Float32Array));
  return {
    modelText,
    tokens: mapTokens(tokens, ids, modelText),
    inputs: Object.entries(inputs).map(([name, tensor]) => info(name, tensor)),
    output: info('last_hidden_state', hidden),
    pooledShape: [...pooled.dims],
    pooledNorm: pooled.norm(2).data[0] as number,
    vector,
    shape: modelShape(extractor.model.config as unknown as Record<string, unknown>),
    timings,
  };
}
