/**
 * Hugging Face hub URL layout and model-id checks.
 */

/** The Hugging Face hub. */
export const DEFAULT_HUB = 'https://huggingface.co';

/** `owner/name` or `name`, as the hub allows (letters, digits, `_`, `-`, `.`), without `..` or `--`. */
const MODEL_ID = /^(?:[\w.-]+\/)?[\w.-]{1,96}$/;

/** Whether `id` is a hub model id (and so also safe as a relative folder path). */
export function isModelId(id: string): boolean {
  return MODEL_ID.test(id) && !id.includes('..') && !id.includes('--') && !id.split('/').includes('.');
}

/**
 * The download URL of one file of a model on a hub.
 *
 * @example
 * fileUrl('https://huggingface.co/', 'Xenova/bge-small-zh-v1.5', 'onnx/model_quantized.onnx');
 * // 'https://huggingface.co/Xenova/bge-small-zh-v1.5/resolve/main/onnx/model_quantized.onnx'
 */
export function fileUrl(base: string, id: string, file: string): string {
  return `${base.replace(/\/+$/, '')}/${id}/resolve/main/${file}`;
}
