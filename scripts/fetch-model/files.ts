/**
 * Which files a transformers.js feature-extraction pipeline needs for a model, per weight precision.
 */
import type { Dtype } from '../../src/embed/registry';

/** One file of a model repository. */
export interface ModelFile {
  /** Path inside the repository, e.g. `onnx/model_quantized.onnx`. */
  path: string;
  /** Optional files are skipped when the hub does not have them. */
  optional: boolean;
}

/** The precisions `fetch-model` accepts. */
export const DTYPES: readonly Dtype[] = ['q8', 'fp16', 'fp32'];

const ONNX_SUFFIX: Record<Dtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized' };

/** Whether a string names a supported precision. */
export function isDtype(value: string): value is Dtype {
  return (DTYPES as readonly string[]).includes(value);
}

/**
 * The ONNX weights file transformers.js loads for a precision.
 *
 * @example
 * onnxFile('q8'); // 'onnx/model_quantized.onnx'
 */
export function onnxFile(dtype: Dtype): string {
  return `onnx/model${ONNX_SUFFIX[dtype]}.onnx`;
}

/**
 * The files to download for a feature-extraction model at a precision, in download order.
 *
 * @example
 * filesFor('fp32').map((f) => f.path); // ['config.json', …, 'onnx/model.onnx', 'onnx/model.onnx_data']
 */
export function filesFor(dtype: Dtype): ModelFile[] {
  const onnx = onnxFile(dtype);
  return [
    { path: 'config.json', optional: false },
    { path: 'tokenizer.json', optional: false },
    { path: 'tokenizer_config.json', optional: false },
    { path: 'special_tokens_map.json', optional: true },
    { path: onnx, optional: false },
    { path: `${onnx}_data`, optional: true },
  ];
}
