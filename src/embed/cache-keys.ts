/**
 * The Cache Storage keys transformers.js stores model files under, and which registry model and file a
 * cached URL holds.
 */
import type { KnownModel } from '../core/model-folder';
import { HUB_URL, hubFileUrl } from './runtime-files';

/**
 * The Cache Storage key transformers.js looks a model file up under when offline: the hub URL for hub
 * models, the app's `/models/{id}/{file}` path (resolved against the origin) for local ones.
 *
 * @example
 * cacheKeyFor({ id: 'fixture-tiny', dims: 64, source: 'local' }, 'config.json', 'http://127.0.0.1:4173');
 * // 'http://127.0.0.1:4173/models/fixture-tiny/config.json'
 */
export function cacheKeyFor(model: KnownModel, file: string, origin: string): string {
  if (model.source === 'hub') return hubFileUrl(HUB_URL, model.id, file);
  return new URL(`/models/${model.id}/${file}`, origin).href;
}

/**
 * Which registry model and file a cached URL holds: a hub download (`{host}{id}/resolve/{revision}/{file}`,
 * any host, so mirrors count too) or a self-hosted copy (`/models/{id}/{file}`). Undefined for others.
 *
 * @example
 * modelFileOfCacheKey('https://huggingface.co/Xenova/bge-m3/resolve/main/onnx/model_quantized.onnx', MODELS);
 * // { modelId: 'Xenova/bge-m3', file: 'onnx/model_quantized.onnx' }
 */
export function modelFileOfCacheKey(
  url: string,
  models: readonly KnownModel[],
): { modelId: string; file: string } | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  for (const model of models) {
    const local = `/models/${model.id}/`;
    if (path.startsWith(local)) return { modelId: model.id, file: path.slice(local.length) };
    const hub = `/${model.id}/resolve/`;
    const at = path.indexOf(hub);
    if (at >= 0) {
      const rest = path.slice(at + hub.length);
      const slash = rest.indexOf('/');
      if (slash > 0) return { modelId: model.id, file: rest.slice(slash + 1) };
    }
  }
  return undefined;
}
