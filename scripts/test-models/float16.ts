/**
 * The fp16 (`model_fp16.onnx`) variant of a test model, converted as onnxconverter-common's
 * `convert_float_to_float16(model, keep_io_types=True)` converts the hub's fp16 exports: float32 initializers
 * become float16 (magnitudes clipped into [1e-7, 1e4] as it does, so BERT's -3.4e38 mask value becomes
 * -1e4 and its 1e-12 epsilon 1e-7), `Cast` to float becomes `Cast` to float16, and each float32 graph output
 * is produced in float16 and cast back to float32, so callers still see float32 at the boundary.
 */
import type { onnx } from 'onnx-proto';
import { AttributeType, DataType } from './onnx-builder';
import { floatsOf, tensor } from './tensors';

const MIN_POSITIVE = 1e-7;
const MAX_FINITE = 1e4;

const F32 = new Float32Array(1);
const F32_BITS = new Uint32Array(F32.buffer);

/**
 * The IEEE 754 half-precision bits of a number, rounded to nearest even (Node 20 has no `Float16Array`).
 *
 * @example
 * float16Bits(1); // 0x3c00
 */
export function float16Bits(value: number): number {
  F32[0] = value;
  const bits = F32_BITS[0] ?? 0;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (((bits >>> 23) & 0xff) === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  if (exponent >= 0x1f) return sign | 0x7c00;
  // Normal results keep 10 of 23 mantissa bits; subnormal ones shift the implicit 1 in as well.
  const shift = exponent > 0 ? 13 : 14 - exponent;
  if (shift > 24) return sign;
  const full = exponent > 0 ? mantissa : mantissa | 0x800000;
  const kept = (exponent > 0 ? exponent << 10 : 0) | (full >>> shift);
  const rest = full & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return sign | (kept + (rest > half || (rest === half && kept & 1) ? 1 : 0));
}

function clip(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === 0) return 0;
  return Math.sign(value) * Math.min(MAX_FINITE, Math.max(MIN_POSITIVE, magnitude));
}

function toHalf(source: onnx.ITensorProto): onnx.ITensorProto {
  if (source.dataType !== DataType.FLOAT) return source;
  const halves = Uint16Array.from(floatsOf(source), (v) => float16Bits(clip(v)));
  return tensor(source.name ?? '', (source.dims ?? []).map(Number), DataType.FLOAT16, halves);
}

function castToHalf(node: onnx.INodeProto): onnx.INodeProto {
  if (node.opType !== 'Cast') return node;
  const attribute = (node.attribute ?? []).map((a) =>
    a.name === 'to' && Number(a.i) === DataType.FLOAT ? { ...a, i: DataType.FLOAT16 } : a,
  );
  return { ...node, attribute };
}

/**
 * Returns the fp16 model of a float32 test model; the input model is left unchanged.
 *
 * @example
 * const fp16 = convertToFloat16(buildBertModel(spec, embeddings));
 */
export function convertToFloat16(model: onnx.IModelProto): onnx.IModelProto {
  const graph = model.graph ?? {};
  const floatOutputs = (graph.output ?? []).filter((o) => o.type?.tensorType?.elemType === DataType.FLOAT);
  const renamed = new Map(floatOutputs.map((o, i) => [o.name ?? '', `graph_output_cast_${i}`]));
  const nodes = (graph.node ?? []).map((node) => ({
    ...castToHalf(node),
    output: (node.output ?? []).map((name) => renamed.get(name) ?? name),
  }));
  const outputCasts: onnx.INodeProto[] = [...renamed].map(([output, half], i) => ({
    name: `graph_output_cast${i}`,
    opType: 'Cast',
    input: [half],
    output: [output],
    attribute: [{ name: 'to', type: AttributeType.INT, i: DataType.FLOAT }],
  }));
  return {
    ...model,
    graph: {
      ...graph,
      node: [...nodes, ...outputCasts],
      initializer: (graph.initializer ?? []).map(toHalf),
    },
  };
}
