/**
 * Model files in transformers.js's Cache Storage, seen from the worker (which owns them): what is cached
 * per registry model, deleting a model's files, and storing a model folder the user picked so that
 * transformers.js finds it there, offline, under the keys it looks up.
 */
import {
  checkModelFolder,
  filesToStore,
  locateModelFolder,
  ModelFolderError,
  type FolderTexts,
  type WeightsFile,
} from '../src/core/model-folder';
import { cacheKeyFor, modelFileOfCacheKey } from '../src/embed/cache-keys';
import { choosePrecision } from '../src/embed/precision';
import { MODELS, type Device, type ModelEntry } from '../src/embed/registry';
import { MODEL_CACHE_NAME, onnxFileFor } from '../src/embed/runtime-files';
import type { CachedModel, ImportedModel, ModelFolderFile } from '../src/shared/protocol';
import { webgpuAdapter } from './webgpu';

/** Body sizes learnt by reading a response that had no `content-length`, by URL: each is read once. */
const measuredBytes = new Map<string, number>();

/**
 * Bytes of a cached response: its `content-length` (hub downloads and stored folders have one), else its
 * body's size, read once per URL and remembered, so listing the cache does not read model blobs every time.
 */
async function responseBytes(request: Request, response: Response): Promise<number> {
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > 0) return length;
  const known = measuredBytes.get(request.url);
  if (known !== undefined) return known;
  const size = (await response.blob()).size;
  measuredBytes.set(request.url, size);
  return size;
}

/** Cached entries that belong to registry models, with the model and file each holds. */
async function modelEntries(cache: Cache): Promise<{ request: Request; modelId: string; file: string }[]> {
  const requests = await cache.keys();
  return requests.flatMap((request) => {
    const found = modelFileOfCacheKey(request.url, MODELS);
    return found ? [{ request, ...found }] : [];
  });
}

/**
 * Lists the registry models with files in the cache, recognising hub URLs (any host) and self-hosted
 * `/models/` paths; models in registry order, files by name.
 */
export async function listCachedModels(): Promise<CachedModel[]> {
  const cache = await caches.open(MODEL_CACHE_NAME);
  const byModel = new Map<string, CachedModel>();
  for (const { request, modelId, file } of await modelEntries(cache)) {
    const response = await cache.match(request);
    if (!response) continue;
    const bytes = await responseBytes(request, response);
    const entry = byModel.get(modelId) ?? { modelId, files: [], bytes: 0 };
    entry.files.push({ file, bytes });
    entry.bytes += bytes;
    byModel.set(modelId, entry);
  }
  return MODELS.flatMap((model) => {
    const entry = byModel.get(model.id);
    if (!entry) return [];
    entry.files.sort((a, b) => a.file.localeCompare(b.file));
    return [entry];
  });
}

/** Deletes every cached file of a model (all key forms); returns how many files and bytes went. */
export async function deleteCachedModel(modelId: string): Promise<{ files: number; bytes: number }> {
  const cache = await caches.open(MODEL_CACHE_NAME);
  let files = 0;
  let bytes = 0;
  for (const entry of await modelEntries(cache)) {
    if (entry.modelId !== modelId) continue;
    const response = await cache.match(entry.request);
    bytes += response ? await responseBytes(entry.request, response) : 0;
    if (await cache.delete(entry.request)) files += 1;
    measuredBytes.delete(entry.request.url);
  }
  return { files, bytes };
}

/** The weights file the model host would load `model` with here: as it decides, WebGPU when an adapter exists. */
async function weightsOnThisDevice(
  model: ModelEntry,
  forcedDevice: Device | undefined,
): Promise<WeightsFile> {
  const adapter = forcedDevice === 'wasm' ? undefined : await webgpuAdapter();
  const { dtype } = choosePrecision(model, {
    device: adapter ? 'webgpu' : 'wasm',
    hasShaderF16: adapter?.hasF16 ?? false,
  });
  return { dtype, file: onnxFileFor(dtype) };
}

const text = (bytes: ArrayBuffer | undefined): string | undefined =>
  bytes === undefined ? undefined : new TextDecoder().decode(bytes);

/**
 * Checks a picked model folder and stores its files in the cache under the keys transformers.js looks up
 * for that model, so it loads without the network.
 *
 * @throws {ModelFolderError} when the folder is not a known model or is incomplete, naming what is wrong.
 */
export async function importModelFolder(
  picked: ModelFolderFile[],
  forcedDevice: Device | undefined,
): Promise<ImportedModel> {
  const folder = locateModelFolder(
    picked.map((file) => ({ path: file.path, bytes: file.bytes.byteLength })),
    MODELS,
  );
  const bytesOf = new Map(
    picked
      .filter((file) => file.path.startsWith(folder.prefix))
      .map((file) => [file.path.slice(folder.prefix.length), file.bytes]),
  );
  const texts: FolderTexts = {
    config: text(bytesOf.get('config.json')),
    tokenizer: text(bytesOf.get('tokenizer.json')),
    tokenizerConfig: text(bytesOf.get('tokenizer_config.json')),
  };
  checkModelFolder(folder, texts, await weightsOnThisDevice(folder.model, forcedDevice));
  const cache = await caches.open(MODEL_CACHE_NAME);
  const stored = filesToStore(folder);
  let total = 0;
  try {
    for (const file of stored) {
      const body = bytesOf.get(file.path);
      if (!body) continue;
      const type = file.path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
      const headers = { 'content-type': type, 'content-length': String(body.byteLength) };
      const key = cacheKeyFor(folder.model, file.path, self.location.origin);
      await cache.put(key, new Response(body, { headers }));
      total += body.byteLength;
    }
  } catch (error) {
    // No half-stored model is left behind for the loader to trip over.
    await deleteCachedModel(folder.model.id);
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const model = folder.model.id;
    throw new ModelFolderError(
      /quota/i.test(detail) ? { reason: 'storage-full', model } : { reason: 'not-stored', model, detail },
      { cause: error },
    );
  }
  return { modelId: folder.model.id, files: stored.length, bytes: total };
}
