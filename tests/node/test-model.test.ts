/**
 * The generated test models: their files have the declared shapes, and transformers.js in Node loads them and
 * produces bag-of-tokens embeddings whose cosine similarity tracks shared characters.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import onnxProto from 'onnx-proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MODEL_NOTE, TEST_MODELS, type TestModelSpec } from '../../scripts/test-models/fixtures';
import { MODELS_DIR, VOCAB_PATH } from '../../scripts/test-models/generate';
import { modelFiles } from '../../scripts/test-models/model-files';
import { OPSET } from '../../scripts/test-models/onnx-builder';
import { tokenEmbeddings } from '../../scripts/test-models/weights';

const { onnx } = onnxProto;

const STANDARD_OPS = new Set(
  'Add Cast Div Erf Gather MatMul Mul Pow ReduceMean Reshape Shape Slice Softmax Sqrt Sub Transpose Unsqueeze'.split(
    ' ',
  ),
);

const QUERY = '阿里已经开源了多少款模型';
const RELATED = '阿里已开源200多款模型';
const UNRELATED = '天气很好我们去公园散步';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
};

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
};

/** LayerNorm with gamma 1, beta 0, eps 1e-12, in float64. */
const layerNorm = (x: Float64Array): Float64Array => {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
  return x.map((v) => (v - mean) / Math.sqrt(variance + 1e-12));
};

/**
 * What the generated weights should compute for [CLS], normalised: token rows go through the embedding LayerNorm,
 * then every layer maps h_i to LayerNorm(mean_j h_j + h_i) (uniform attention, identity V/O, zero FFN).
 */
function referenceCls(ids: number[], embeddings: Float32Array, spec: TestModelSpec): Float64Array {
  const { hidden } = spec;
  let states = ids.map((id) =>
    layerNorm(Float64Array.from(embeddings.subarray(id * hidden, (id + 1) * hidden))),
  );
  for (let layer = 0; layer < spec.layers; layer++) {
    const mean = new Float64Array(hidden);
    for (const h of states) h.forEach((v, i) => (mean[i] = (mean[i] ?? 0) + v / states.length));
    states = states.map((h) => layerNorm(layerNorm(h.map((v, i) => v + (mean[i] ?? 0)))));
  }
  const cls = states[0] ?? new Float64Array(hidden);
  const norm = Math.sqrt(dot(cls, cls));
  return cls.map((v) => v / norm);
}

describe.each(TEST_MODELS)('test model $id', (spec) => {
  const dir = join(MODELS_DIR, spec.id);

  it('has a config.json with the declared sizes and the test-model marker', async () => {
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      _test_model: TEST_MODEL_NOTE,
      model_type: 'bert',
      architectures: ['BertModel'],
      num_hidden_layers: spec.layers,
      hidden_size: spec.hidden,
      num_attention_heads: spec.heads,
      intermediate_size: spec.ffn,
      vocab_size: 21_128,
      max_position_embeddings: 512,
      type_vocab_size: 2,
    });
  });

  it('has an ONNX graph of the declared shape built from standard ops', async () => {
    const model = onnx.ModelProto.decode(await readFile(join(dir, 'onnx', 'model.onnx')));
    const { input = [], output = [], node = [], initializer = [] } = model.graph ?? {};
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', OPSET]]);
    expect(input?.map((i) => i.name)).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
    expect(output?.map((o) => o.name)).toEqual(['last_hidden_state']);
    expect(new Set(node?.map((n) => n.opType))).toEqual(STANDARD_OPS);

    const dims = new Map(initializer?.map((t) => [t.name ?? '', (t.dims ?? []).map(Number)]));
    expect(dims.get('embeddings.word_embeddings.weight')).toEqual([21_128, spec.hidden]);
    expect(dims.get('embeddings.position_embeddings.weight')).toEqual([512, spec.hidden]);
    const layers = new Set(
      [...dims.keys()].flatMap((name) => /^encoder\.layer\.(\d+)\./.exec(name)?.[1] ?? []),
    );
    expect(layers.size).toBe(spec.layers);
    for (const layer of layers) {
      const p = `encoder.layer.${layer}`;
      expect(dims.get(`${p}.attention.self.query.weight`)).toEqual([spec.hidden, spec.hidden]);
      expect(dims.get(`${p}.intermediate.dense.weight`)).toEqual([spec.hidden, spec.ffn]);
      expect(dims.get(`${p}.output.dense.weight`)).toEqual([spec.ffn, spec.hidden]);
    }
    const split = initializer?.find((t) => t.name === 'const.split_heads');
    const headShape = new BigInt64Array(Uint8Array.from(split?.rawData ?? []).buffer);
    expect(Array.from(headShape, Number)).toEqual([0, 0, spec.heads, spec.hidden / spec.heads]);
  });
});

describe('test model generation', () => {
  it('declares fixture-small-zh with the shape of bge-small-zh-v1.5', () => {
    const small = TEST_MODELS.find((m) => m.id === 'fixture-small-zh');
    expect(small).toMatchObject({ layers: 4, hidden: 512, heads: 8, ffn: 2048, vocabSize: 21_128 });
  });

  it('is deterministic: rebuilding fixture-tiny gives the same bytes as on disk', async () => {
    const spec = TEST_MODELS.find((m) => m.id === 'fixture-tiny');
    if (!spec) throw new Error('fixture-tiny is not declared');
    const vocabText = await readFile(VOCAB_PATH, 'utf8');
    for (const [file, bytes] of modelFiles(spec, vocabText)) {
      const onDisk = await readFile(join(MODELS_DIR, spec.id, file));
      expect(Buffer.compare(onDisk, bytes), file).toBe(0);
    }
  });
});

describe.each(TEST_MODELS)('test model $id through transformers.js in Node', (spec) => {
  let extractor: FeatureExtractionPipeline;
  const embed = async (texts: string | string[]): Promise<number[][]> =>
    (await extractor(texts, { pooling: 'cls', normalize: true })).tolist() as number[][];

  beforeAll(async () => {
    env.localModelPath = `${MODELS_DIR}/`;
    env.allowRemoteModels = false;
    extractor = await pipeline('feature-extraction', spec.id, { dtype: 'fp32' });
  });
  afterAll(async () => extractor.dispose());

  it(`returns normalised ${spec.hidden}-dimensional [CLS] embeddings`, async () => {
    const [vector = []] = await embed(QUERY);
    expect(vector).toHaveLength(spec.hidden);
    expect(dot(vector, vector)).toBeCloseTo(1, 5);
  });

  it('scores identical texts 1 and texts sharing characters above unrelated ones', async () => {
    const [query = [], again = [], related = [], unrelated = []] = await embed([
      QUERY,
      QUERY,
      RELATED,
      UNRELATED,
    ]);
    expect(Math.abs(dot(query, again) - 1)).toBeLessThan(1e-5);
    expect(dot(query, related)).toBeGreaterThan(dot(query, unrelated) + 0.3);
  });

  it('knows no meanings: the embedding depends only on the multiset of characters', async () => {
    const [forward = [], shuffled = [], other = []] = await embed(['开源模型', '模型开源', '开源模具']);
    expect(dot(forward, shuffled)).toBeGreaterThan(1 - 1e-5);
    expect(dot(forward, other)).toBeLessThan(0.99);
  });

  it('gives each text of a padded batch the same embedding as alone', async () => {
    const texts = ['模型', QUERY, '公园里散步的人很多很多'];
    const batch = await embed(texts);
    for (const [i, text] of texts.entries()) {
      const [alone = []] = await embed(text);
      expect(maxAbsDiff(batch[i] ?? [], alone)).toBeLessThan(1e-5);
    }
  });

  it('has a [CLS] hidden state that changes with the text', async () => {
    const cls = async (text: string): Promise<Float32Array> => {
      const hidden = await extractor(text, { pooling: 'none' });
      expect(hidden.dims).toEqual([1, text.length + 2, spec.hidden]);
      return (hidden.data as Float32Array).slice(0, spec.hidden);
    };
    const [a, b] = [await cls(QUERY), await cls(UNRELATED)];
    expect(maxAbsDiff(a, b)).toBeGreaterThan(0.1);
  });

  it('computes exactly the intended bag-of-tokens function of the generated weights', async () => {
    const vocab = JSON.parse(await readFile(join(MODELS_DIR, spec.id, 'tokenizer.json'), 'utf8')).model.vocab;
    const embeddings = tokenEmbeddings(spec.vocabSize, spec.hidden, [
      vocab['[PAD]'],
      vocab['[CLS]'],
      vocab['[SEP]'],
    ]);
    for (const text of [QUERY, UNRELATED, '模型']) {
      const ids = extractor.tokenizer.encode(text);
      const [vector = []] = await embed(text);
      expect(maxAbsDiff(vector, referenceCls(ids, embeddings, spec))).toBeLessThan(1e-5);
    }
  });
});
