/**
 * A minimal ONNX graph builder over the `onnx-proto` protobuf classes: nodes, fp32/int64 initializers,
 * the whole model as a protobuf object (which `quantize-dynamic.ts` and `float16.ts` rewrite), and its bytes.
 */
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

const { onnx } = onnxProto;

/** Attribute values the builder supports: a single int or a list of ints. */
export type IntAttributes = Record<string, number | number[]>;

/** A graph input or output: name, element type and shape (strings are symbolic dimensions). */
export interface TensorInfo {
  /** Tensor name. */
  name: string;
  /** Element type: `float32` or `int64`. */
  type: 'float32' | 'int64';
  /** Dimensions; a string is a named dynamic dimension. */
  shape: (number | string)[];
}

/** Opset used for every generated model. */
export const OPSET = 14;

/** ONNX element types the generators use. */
export const DataType = onnx.TensorProto.DataType;

/** ONNX attribute kinds. */
export const AttributeType = onnx.AttributeProto.AttributeType;

const DATA_TYPES = { float32: DataType.FLOAT, int64: DataType.INT64 };

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The little-endian `raw_data` bytes of a typed array (a view, not a copy). */
export function bytesOf(data: Float32Array | BigInt64Array | Uint16Array | Int8Array): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error('onnx-builder: ONNX raw_data is little-endian; this host is not');
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function valueInfo(info: TensorInfo): OnnxTypes.IValueInfoProto {
  const dim = info.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name: info.name, type: { tensorType: { elemType: DATA_TYPES[info.type], shape: { dim } } } };
}

/** Collects nodes and initializers; every `op` call returns the name of the node's output. */
export class GraphBuilder {
  private readonly nodes: OnnxTypes.INodeProto[] = [];
  private readonly initializers: OnnxTypes.ITensorProto[] = [];
  private counter = 0;

  /** Adds a single-output node and returns its output name (`output`, or a generated unique name). */
  op(opType: string, inputs: string[], attributes: IntAttributes = {}, output?: string): string {
    const name = `${opType}_${this.counter++}`;
    const out = output ?? `${name}_out`;
    const attribute = Object.entries(attributes).map(([key, value]) =>
      Array.isArray(value)
        ? { name: key, type: AttributeType.INTS, ints: value }
        : { name: key, type: AttributeType.INT, i: value },
    );
    this.nodes.push({ name, opType, input: inputs, output: [out], attribute });
    return out;
  }

  /** Adds an fp32 initializer stored as little-endian raw data, and returns its name. */
  floats(name: string, dims: number[], data: Float32Array): string {
    if (data.length !== dims.reduce((a, b) => a * b, 1))
      throw new Error(`onnx-builder: ${name} size mismatch`);
    this.initializers.push({ name, dims, dataType: DATA_TYPES.float32, rawData: bytesOf(data) });
    return name;
  }

  /** Adds an int64 initializer (a 1-D tensor, or a scalar when `dims` is empty) and returns its name. */
  ints(name: string, values: number[], dims: number[] = [values.length]): string {
    const data = BigInt64Array.from(values, (v) => BigInt(v));
    this.initializers.push({ name, dims, dataType: DATA_TYPES.int64, rawData: bytesOf(data) });
    return name;
  }

  /** The graph as an ONNX model (opset {@link OPSET}). */
  model(graphName: string, inputs: TensorInfo[], outputs: TensorInfo[]): OnnxTypes.IModelProto {
    return {
      irVersion: 7,
      producerName: 'make-test-models',
      opsetImport: [{ domain: '', version: OPSET }],
      graph: {
        name: graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: inputs.map(valueInfo),
        output: outputs.map(valueInfo),
      },
    };
  }

  /** The graph as ONNX model bytes. */
  encode(graphName: string, inputs: TensorInfo[], outputs: TensorInfo[]): Uint8Array {
    return encodeModel(this.model(graphName, inputs, outputs));
  }
}

/** Serialises a model to protobuf bytes. */
export function encodeModel(model: OnnxTypes.IModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}
