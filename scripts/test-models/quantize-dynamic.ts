/**
 * The q8 (`model_quantized.onnx`) variant of a test model, laid out as onnxruntime's `quantize_dynamic` lays
 * out the hub's q8 files (IntegerOps mode, int8 per-tensor symmetric weights, `MatMulConstBOnly`):
 * - a MatMul with a weight initializer becomes `DynamicQuantizeLinear(x)` (uint8, computed per run; one per
 *   activation however many MatMuls read it) → `MatMulInteger(x_q, W_quantized, x_zero_point,
 *   W_zero_point)` → `Cast` to float → `Mul` by `x_scale · W_scale`;
 * - a Gather from a weight initializer (the embedding tables) reads the int8 table and is followed by
 *   `DequantizeLinear`;
 * - everything else stays float32.
 */
import type { onnx } from 'onnx-proto';
import { AttributeType, DataType } from './onnx-builder';
import { floatScalar, floatsOf, initializersByName, tensor } from './tensors';

/** A weight quantised to int8 with one scale and a zero point of 0. */
interface QuantizedWeight {
  values: Int8Array;
  scale: number;
}

/** Symmetric per-tensor int8 quantisation, as onnxruntime does for `QuantType.QInt8` weights. */
export function quantizeSymmetric(weights: Float32Array): QuantizedWeight {
  let absMax = 0;
  for (const w of weights) absMax = Math.max(absMax, Math.abs(w));
  const scale = absMax === 0 ? 1 : absMax / 127;
  const values = Int8Array.from(weights, (w) => Math.max(-127, Math.min(127, Math.round(w / scale))));
  return { values, scale };
}

/** Rewrites a model's graph; collects the nodes and initializers that replace each quantised node. */
class DynamicQuantizer {
  readonly nodes: onnx.INodeProto[] = [];
  readonly added: onnx.ITensorProto[] = [];
  readonly replaced = new Set<string>();
  private readonly quantizedActivations = new Set<string>();

  constructor(private readonly initializers: Map<string, onnx.ITensorProto>) {}

  /** The int8 weight `<name>_quantized` with `<name>_scale` and `<name>_zero_point`; returns their names. */
  private weight(name: string): [string, string, string] {
    const names: [string, string, string] = [`${name}_quantized`, `${name}_scale`, `${name}_zero_point`];
    if (!this.replaced.has(name)) {
      const source = this.initializers.get(name);
      if (!source) throw new Error(`quantize-dynamic: ${name} is not an initializer`);
      const { values, scale } = quantizeSymmetric(floatsOf(source));
      const dims = (source.dims ?? []).map(Number);
      this.added.push(
        tensor(names[0], dims, DataType.INT8, values),
        floatScalar(names[1], scale),
        tensor(names[2], [], DataType.INT8, Int8Array.of(0)),
      );
      this.replaced.add(name);
    }
    return names;
  }

  /** `DynamicQuantizeLinear` of an activation (once per activation); returns its three outputs. */
  private activation(name: string): [string, string, string] {
    const outputs: [string, string, string] = [`${name}_quantized`, `${name}_scale`, `${name}_zero_point`];
    if (!this.quantizedActivations.has(name)) {
      this.nodes.push({
        name: `${name}_QuantizeLinear`,
        opType: 'DynamicQuantizeLinear',
        input: [name],
        output: outputs,
      });
      this.quantizedActivations.add(name);
    }
    return outputs;
  }

  matMul(node: onnx.INodeProto): void {
    const [x = '', w = ''] = node.input ?? [];
    const [output = ''] = node.output ?? [];
    const [xq, xScale, xZero] = this.activation(x);
    const [wq, wScale, wZero] = this.weight(w);
    const name = `${node.name}_quant`;
    const integer = `${output}_output_quantized`;
    this.nodes.push(
      { name, opType: 'MatMulInteger', input: [xq, wq, xZero, wZero], output: [integer] },
      {
        name: `${integer}_cast`,
        opType: 'Cast',
        input: [integer],
        output: [`${integer}_cast_output`],
        attribute: [{ name: 'to', type: AttributeType.INT, i: DataType.FLOAT }],
      },
      {
        name: `${name}_scales_mul`,
        opType: 'Mul',
        input: [xScale, wScale],
        output: [`${name}_scales_mul:0`],
      },
      {
        name: `${name}_output_scale_mul`,
        opType: 'Mul',
        input: [`${integer}_cast_output`, `${name}_scales_mul:0`],
        output: [output],
      },
    );
  }

  gather(node: onnx.INodeProto): void {
    const [table = '', indices = ''] = node.input ?? [];
    const [output = ''] = node.output ?? [];
    const [tq, tScale, tZero] = this.weight(table);
    this.nodes.push(
      { ...node, input: [tq, indices], output: [`${output}_quantized`] },
      {
        name: `${output}_DequantizeLinear`,
        opType: 'DequantizeLinear',
        input: [`${output}_quantized`, tScale, tZero],
        output: [output],
      },
    );
  }
}

/**
 * Returns the q8 model of a float32 test model; the input model is left unchanged.
 *
 * @example
 * const q8 = quantizeDynamic(buildBertModel(spec, embeddings));
 */
export function quantizeDynamic(model: onnx.IModelProto): onnx.IModelProto {
  const graph = model.graph ?? {};
  const initializers = initializersByName(model);
  const isWeight = (name: string | undefined) => initializers.get(name ?? '')?.dataType === DataType.FLOAT;
  const quantizer = new DynamicQuantizer(initializers);
  for (const node of graph.node ?? []) {
    if (node.opType === 'MatMul' && isWeight(node.input?.[1])) quantizer.matMul(node);
    else if (node.opType === 'Gather' && isWeight(node.input?.[0])) quantizer.gather(node);
    else quantizer.nodes.push(node);
  }
  const kept = (graph.initializer ?? []).filter((t) => !quantizer.replaced.has(t.name ?? ''));
  return {
    ...model,
    graph: { ...graph, node: quantizer.nodes, initializer: [...kept, ...quantizer.added] },
  };
}
