/**
 * Reading and writing the initializers of an ONNX model object: the float32 values of a tensor, and new
 * tensors of the element types the dtype generators write.
 */
import type { onnx } from 'onnx-proto';
import { bytesOf, DataType } from './onnx-builder';

/** The float32 values of an initializer stored as little-endian `raw_data` (a copy). */
export function floatsOf(tensor: onnx.ITensorProto): Float32Array {
  const raw = tensor.rawData ?? new Uint8Array(0);
  return new Float32Array(Uint8Array.from(raw).buffer);
}

/** A new initializer of `dataType` holding `data`'s bytes. */
export function tensor(
  name: string,
  dims: readonly number[],
  dataType: number,
  data: Float32Array | Int8Array | Uint16Array,
): onnx.ITensorProto {
  return { name, dims: [...dims], dataType, rawData: bytesOf(data) };
}

/** A float32 scalar initializer. */
export function floatScalar(name: string, value: number): onnx.ITensorProto {
  return tensor(name, [], DataType.FLOAT, Float32Array.of(value));
}

/** The initializers of a model by name. */
export function initializersByName(model: onnx.IModelProto): Map<string, onnx.ITensorProto> {
  return new Map((model.graph?.initializer ?? []).map((t) => [t.name ?? '', t]));
}
