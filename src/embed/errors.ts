/**
 * Turns model-loading failures into sentences a user understands.
 */

/**
 * Explains why a model could not be loaded, naming the model.
 *
 * @example
 * describeModelError('Xenova/bge-small-zh-v1.5', new TypeError('Failed to fetch'));
 * // 'Could not download Xenova/bge-small-zh-v1.5: the network is unreachable or the request was blocked. …'
 */
export function describeModelError(modelId: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (/failed to fetch|networkerror|load failed|network/i.test(detail)) {
    return `Could not download ${modelId}: the network is unreachable or the request was blocked. Check your connection and retry; keyword search works meanwhile.`;
  }
  if (/not found locally|local_files_only/i.test(detail)) {
    return `Could not load ${modelId}: its files are not available on this site and downloading is off for it.`;
  }
  if (/404|not found|could not locate/i.test(detail)) {
    return `Could not load ${modelId}: a model file was not found (${detail}).`;
  }
  if (/quota|storage/i.test(detail)) {
    return `Could not store ${modelId}: the browser's storage is full. Free some space or delete cached models, then retry.`;
  }
  return `Could not load ${modelId}: ${detail.replace(/\.?$/, '.')}`;
}
