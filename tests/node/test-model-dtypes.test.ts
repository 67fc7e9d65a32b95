/**
 * The test models' q8 and fp16 files: laid out as the hub's (onnxruntime dynamic quantisation; fp16 with
 * float32 at the boundary), loaded by transformers.js for `dtype: 'q8'` / `'fp16'`, and giving vectors close
 * to the fp32 file's on every passage of the bundled corpus.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { env, pipeline, type ProgressInfo } from '@huggingface/transformers';
import onnxProto, { type onnx as OnnxTypes } from 'onnx-proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpusLibrary } from '../../scripts/eval/corpus';
import { TEST_MODELS } from '../../scripts/test-models/fixtures';
import { float16Bits } from '../../scripts/test-models/float16';
import { MODELS_DIR } from '../../scripts/test-models/generate';
import { onnxFileFor, type Dtype } from '../../src/embed/runtime-files';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const ROOT = join(import.meta.dirname, '..', '..');

async function graphOf(id: string, dtype: Dtype): Promise<OnnxTypes.IGraphProto> {
  const bytes = await readFile(join(MODELS_DIR, id, onnxFileFor(dtype)));
  return onnx.ModelProto.decode(bytes).graph ?? {};
}

const initializerTypes = (graph: OnnxTypes.IGraphProto) =>
  new Map((graph.initializer ?? []).map((t) => [t.name ?? '', t.dataType]));

describe('float16Bits', () => {
  it('rounds to the nearest half-precision value, subnormals and overflow included', () => {
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(-2)).toBe(0xc000);
    expect(float16Bits(65504)).toBe(0x7bff);
    expect(float16Bits(1e6)).toBe(0x7c00);
    expect(float16Bits(1e-7)).toBe(0x0002);
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(float16Bits(0)).toBe(0);
  });
});

describe.each(TEST_MODELS)('test model $id in the hub dtypes', (spec) => {
  it('has a q8 file quantised as onnxruntime quantize_dynamic does', async () => {
    const graph = await graphOf(spec.id, 'q8');
    const nodes = graph.node ?? [];
    const types = initializerTypes(graph);
    const count = (op: string) => nodes.filter((n) => n.opType === op).length;
    // Six weight MatMuls per layer (Q, K, V, attention output, FFN in and out); the two attention MatMuls
    // (activation × activation) stay float, as MatMulConstBOnly leaves them.
    expect(count('MatMulInteger')).toBe(6 * spec.layers);
    expect(count('MatMul')).toBe(2 * spec.layers);
    expect(nodes.filter((n) => n.opType === 'MatMul').every((n) => !types.has(n.input?.[1] ?? ''))).toBe(
      true,
    );
    for (const node of nodes.filter((n) => n.opType === 'MatMulInteger')) {
      const [x, w, xZero, wZero] = node.input ?? [];
      expect(nodes.find((n) => n.output?.[0] === x)?.opType).toBe('DynamicQuantizeLinear');
      expect(nodes.find((n) => n.output?.[2] === xZero)?.opType).toBe('DynamicQuantizeLinear');
      expect([types.get(w ?? ''), types.get(wZero ?? '')]).toEqual([DataType.INT8, DataType.INT8]);
      const cast = nodes.find((n) => n.input?.[0] === node.output?.[0]);
      expect(cast?.opType).toBe('Cast');
      expect(nodes.find((n) => n.input?.[0] === cast?.output?.[0])?.opType).toBe('Mul');
    }
    expect(types.get('embeddings.word_embeddings.weight_quantized')).toBe(DataType.INT8);
    expect(types.has('embeddings.word_embeddings.weight')).toBe(false);
    expect(count('DequantizeLinear')).toBe(2); // word and token-type tables
  });

  it('has an fp16 file with fp16 weights and activations and float32 at the graph boundary', async () => {
    const graph = await graphOf(spec.id, 'fp16');
    const nodes = graph.node ?? [];
    const floatTypes = [...initializerTypes(graph).values()].filter(
      (t) => t === DataType.FLOAT || t === DataType.FLOAT16,
    );
    expect(new Set(floatTypes)).toEqual(new Set([DataType.FLOAT16]));
    const castTo = (n: OnnxTypes.INodeProto) => Number(n.attribute?.find((a) => a.name === 'to')?.i);
    const [output] = graph.output ?? [];
    expect(output?.type?.tensorType?.elemType).toBe(DataType.FLOAT);
    const last = nodes.find((n) => n.output?.[0] === output?.name);
    expect([last?.opType, last && castTo(last)]).toEqual(['Cast', DataType.FLOAT]);
    const maskCast = nodes.find((n) => n.opType === 'Cast' && n.input?.[0] === 'attention_mask');
    expect(maskCast && castTo(maskCast)).toBe(DataType.FLOAT16);
  });
});

describe.each(TEST_MODELS)('test model $id q8 and fp16 through transformers.js in Node', (spec) => {
  let texts: string[];
  let reference: number[][];
  const embed = async (dtype: Dtype) => {
    const files: string[] = [];
    const extractor = await pipeline('feature-extraction', spec.id, {
      dtype,
      progress_callback: (info: ProgressInfo) => {
        if (info.status === 'done') files.push(info.file);
      },
    });
    const vectors = (await extractor(texts, { pooling: 'cls', normalize: true })).tolist() as number[][];
    await extractor.dispose();
    return { files, vectors };
  };

  beforeAll(async () => {
    env.localModelPath = `${MODELS_DIR}/`;
    env.allowRemoteModels = false;
    texts = (await loadCorpusLibrary(ROOT)).library.allPassages().map((p) => p.text);
    reference = (await embed('fp32')).vectors;
  }, 180_000);

  it.each(['q8', 'fp16'] as const)(
    'loads %s from its own file, per-passage cosine to fp32 ≥ 0.99',
    async (dtype) => {
      const variant = await embed(dtype);
      expect(variant.files).toContain(onnxFileFor(dtype));
      expect(variant.files).not.toContain(onnxFileFor('fp32'));
      const cosines = variant.vectors.map((v, i) =>
        v.reduce((s, x, j) => s + x * (reference[i]?.[j] ?? 0), 0),
      );
      const min = Math.min(...cosines);
      console.log(
        `${spec.id} ${dtype} vs fp32 (test model): ${cosines.length} passages, cosine min ${min.toFixed(5)}`,
      );
      expect(cosines).toHaveLength(texts.length);
      expect(min).toBeGreaterThanOrEqual(0.99);
    },
    120_000,
  );
});
