/**
 * Which files a transformers.js feature-extraction pipeline needs for a model, per weight precision.
 */
import { onnxFileFor, type Dtype } from '../../src/embed/runtime-files';

/** One file of a model repository. */
export interface ModelFile {
  /** Path inside the repository, e.g. `onnx/model_quantized.onnx`. */
  path: string;
  /** Optional files are skipped when the hub does not have them. */
  optional: boolean;
}

/** The precisions `fetch-model` accepts. */
export const DTYPES: readonly Dtype[] = ['q8', 'fp16', 'fp32'];

/** Whether a string names a supported precision. */
export function isDtype(value: string): value is Dtype {
  return (DTYPES as readonly string[]).includes(value);
}

/**
 * The files to download for a feature-extraction model at a precision, in download order. For a model the
 * registry lists (`listed`), its repo's files are known, so nothing optional is probed (no request 404s);
 * for another, the optional files are tried.
 *
 * @example
 * filesFor('fp32').map((f) => f.path); // ['config.json', …, 'onnx/model.onnx', 'onnx/model.onnx_data']
 * filesFor('q8', true).map((f) => f.path); // ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']
 */
export function filesFor(dtype: Dtype, listed = false): ModelFile[] {
  const onnx = onnxFileFor(dtype);
  const files: ModelFile[] = [
    { path: 'config.json', optional: false },
    { path: 'tokenizer.json', optional: false },
    { path: 'tokenizer_config.json', optional: false },
    { path: 'special_tokens_map.json', optional: true },
    { path: onnx, optional: false },
    { path: `${onnx}_data`, optional: true },
  ];
  return listed ? files.filter((file) => !file.optional) : files;
}
