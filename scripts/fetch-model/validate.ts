/**
 * Checks that a downloaded model folder holds what transformers.js will parse: a config with `model_type` and
 * `hidden_size`, a JSON tokenizer, and a non-empty ONNX file that starts like a protobuf message.
 */
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onnxFileFor, type Dtype } from '../../src/embed/runtime-files';
import { FetchModelError } from './errors';

/**
 * Whether bytes start with a protobuf field tag (field number ≥ 1, wire type 0, 1, 2 or 5), as every ONNX
 * ModelProto does. Rejects empty files, HTML and JSON error pages and Git LFS pointer files.
 */
export function looksLikeProtobuf(head: Uint8Array): boolean {
  const tag = head[0];
  if (tag === undefined) return false;
  return tag >> 3 >= 1 && [0, 1, 2, 5].includes(tag & 7);
}

async function readJson(dir: string, file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(join(dir, file), 'utf8'));
  } catch (error) {
    throw new FetchModelError(
      `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(new Uint8Array(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Throws a {@link FetchModelError} naming the first file in `dir` that transformers.js could not use. */
export async function validateModelDir(dir: string, dtype: Dtype): Promise<void> {
  const config = await readJson(dir, 'config.json');
  const fields = typeof config === 'object' && config !== null ? config : {};
  const missing = ['model_type', 'hidden_size'].filter((key) => !(key in fields));
  if (missing.length > 0) throw new FetchModelError(`config.json lacks ${missing.join(' and ')}`);
  await readJson(dir, 'tokenizer.json');
  const onnx = onnxFileFor(dtype);
  if (!looksLikeProtobuf(await readHead(join(dir, onnx), 16))) {
    throw new FetchModelError(`${onnx} is empty or not an ONNX (protobuf) file`);
  }
}
