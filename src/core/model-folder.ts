/**
 * A model folder picked by the user (transformers.js layout: `config.json`, `tokenizer.json`,
 * `tokenizer_config.json`, `onnx/model*.onnx`): which registry model it is, whether it is complete, and the
 * Cache Storage keys under which transformers.js will find its files. Pure: paths and texts in, answers out.
 */

/** Weight precisions, as the registry names them. */
export type WeightPrecision = 'fp32' | 'fp16' | 'q8';

/** What this module needs to know of a registry entry. */
export interface KnownModel {
  /** Registry id: a hub id (`Xenova/bge-small-zh-v1.5`) or a local test model's folder name. */
  id: string;
  /** Output dimensions; must equal the folder's `hidden_size`. */
  dims: number;
  /** Hub models are cached under their hub URL, local ones under the app's `/models/` path. */
  source: 'hub' | 'local';
}

/** A file of the picked folder: its path as the picker gives it (starting with the folder's name). */
export interface FolderEntry {
  /** Path including the picked folder, e.g. `fixture-tiny/onnx/model.onnx`. */
  path: string;
  /** Size in bytes. */
  bytes: number;
}

/** The model folder found among the picked files. */
export interface LocatedFolder {
  /** The registry model it holds. */
  model: KnownModel;
  /** Path prefix of the model folder inside the picked paths (`fixture-tiny/`). */
  prefix: string;
  /** Files of the model folder, with paths relative to it (`onnx/model.onnx`). */
  files: FolderEntry[];
}

/** The texts the checks read, by file name; undefined when the file is missing. */
export interface FolderTexts {
  /** `config.json`. */
  config?: string;
  /** `tokenizer.json`. */
  tokenizer?: string;
  /** `tokenizer_config.json`. */
  tokenizerConfig?: string;
}

/** A folder that cannot be used, with the reason in words a user understands. */
export class ModelFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFolderError';
  }
}

/** Name of transformers.js's Cache Storage cache (its `env.cacheKey`). */
export const MODEL_CACHE_NAME = 'transformers-cache';

/** The Hugging Face hub, whose URLs are the cache keys of hub models. */
export const HUB_URL = 'https://huggingface.co/';

const ONNX_SUFFIX: Record<WeightPrecision, string> = { fp32: '', fp16: '_fp16', q8: '_quantized' };
const CONFIG = 'config.json';
const TOKENIZER = 'tokenizer.json';
const TOKENIZER_CONFIG = 'tokenizer_config.json';
/** Files transformers.js may read: JSON and text at the top, anything under `onnx/`. */
const MODEL_FILE = /^(?:[^/]+\.(?:json|txt|model)|onnx\/[^/]+)$/;

/**
 * The ONNX weights file transformers.js loads for a precision.
 *
 * @example
 * onnxFileFor('q8'); // 'onnx/model_quantized.onnx'
 */
export function onnxFileFor(dtype: WeightPrecision): string {
  return `onnx/model${ONNX_SUFFIX[dtype]}.onnx`;
}

/** The last path segment of a registry id: the folder name it is recognised by. */
function folderNameOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/**
 * Whether a picked file may belong to a model (so the page reads only those): JSON, text, SentencePiece
 * and ONNX files outside hidden folders.
 *
 * @example
 * mayBeModelFile('bge-m3/onnx/model_quantized.onnx'); // true
 * mayBeModelFile('bge-m3/.git/objects/ab/cdef'); // false
 */
export function mayBeModelFile(path: string): boolean {
  return (
    !path.split('/').some((part) => part.startsWith('.')) && /\.(?:json|txt|model|onnx|onnx_data)$/.test(path)
  );
}

/**
 * Finds the registry model among `models` named by a folder: the folder name must equal the last segment
 * of exactly one id (case-insensitive), e.g. `bge-small-zh-v1.5` → `Xenova/bge-small-zh-v1.5`.
 *
 * @throws {ModelFolderError} naming the accepted folder names when none or several match.
 */
export function identifyModel<M extends KnownModel>(folderName: string, models: readonly M[]): M {
  const wanted = folderName.toLowerCase();
  const matches = models.filter((model) => folderNameOf(model.id).toLowerCase() === wanted);
  const [match] = matches;
  if (match && matches.length === 1) return match;
  const accepted = models.map((model) => folderNameOf(model.id)).join(', ');
  if (matches.length > 1)
    throw new ModelFolderError(
      `The folder name “${folderName}” fits more than one model (${matches.map((m) => m.id).join(', ')}), so the app cannot tell which it is.`,
    );
  throw new ModelFolderError(
    `“${folderName}” is not a model this app knows. Pick a model folder named after one of: ${accepted}.`,
  );
}

/**
 * Finds the model folder among the picked files (the shallowest folder holding a `config.json`) and the
 * registry model its name stands for.
 *
 * @throws {ModelFolderError} when there is no `config.json`, several candidate folders, or an unknown name.
 * @example
 * locateModelFolder([{ path: 'fixture-tiny/config.json', bytes: 9 }], MODELS).model.id; // 'fixture-tiny'
 */
export function locateModelFolder<M extends KnownModel>(
  entries: readonly FolderEntry[],
  models: readonly M[],
): LocatedFolder & { model: M } {
  const roots = entries
    .filter((entry) => entry.path === CONFIG || entry.path.endsWith(`/${CONFIG}`))
    .map((entry) => entry.path.slice(0, -CONFIG.length));
  if (roots.length === 0)
    throw new ModelFolderError(
      'This folder has no config.json, so it is not a model folder. Pick the folder that holds config.json, tokenizer.json and onnx/.',
    );
  const depth = (prefix: string) => prefix.split('/').length;
  const shallowest = Math.min(...roots.map(depth));
  const candidates = roots.filter((prefix) => depth(prefix) === shallowest);
  if (candidates.length > 1)
    throw new ModelFolderError(
      `This folder holds several models (${candidates.map((prefix) => prefix.slice(0, -1)).join(', ')}); pick one model's own folder.`,
    );
  const prefix = candidates[0] ?? '';
  const name = prefix.slice(0, -1).split('/').pop() ?? '';
  if (!name)
    throw new ModelFolderError(
      'The model folder has no name to tell which model it is. Pick the folder itself (e.g. bge-small-zh-v1.5).',
    );
  const files = entries
    .filter((entry) => entry.path.startsWith(prefix))
    .map((entry) => ({ path: entry.path.slice(prefix.length), bytes: entry.bytes }));
  return { model: identifyModel(name, models), prefix, files };
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Problems with the config, or none. */
function configProblems(model: KnownModel, text: string | undefined): string[] {
  if (text === undefined) return [`${CONFIG} is missing`];
  const config = parseObject(text);
  if (!config) return [`${CONFIG} is not valid JSON`];
  const problems: string[] = [];
  if (typeof config.model_type !== 'string') problems.push(`${CONFIG} has no model_type`);
  if (typeof config.hidden_size !== 'number') problems.push(`${CONFIG} has no hidden_size`);
  else if (config.hidden_size !== model.dims)
    problems.push(
      `${CONFIG} says hidden_size ${config.hidden_size}, but ${model.id} has ${model.dims} dimensions: this folder holds a different model`,
    );
  return problems;
}

/**
 * Checks that a model folder is complete for the precision the app would load on this device: a config
 * with `model_type` and a `hidden_size` equal to the model's dimensions, both tokenizer files parsing, and
 * the ONNX weights present and non-empty.
 *
 * @throws {ModelFolderError} listing every problem, naming the files.
 * @example
 * checkModelFolder(folder, texts, 'q8'); // throws “… onnx/model_quantized.onnx is missing …” without weights
 */
export function checkModelFolder(folder: LocatedFolder, texts: FolderTexts, dtype: WeightPrecision): void {
  const { model, files } = folder;
  const problems = configProblems(model, texts.config);
  for (const [name, text] of [
    [TOKENIZER, texts.tokenizer],
    [TOKENIZER_CONFIG, texts.tokenizerConfig],
  ] as const) {
    if (text === undefined) problems.push(`${name} is missing`);
    else if (!parseObject(text)) problems.push(`${name} is not valid JSON`);
  }
  const onnx = onnxFileFor(dtype);
  const weights = files.find((file) => file.path === onnx);
  if (!weights)
    problems.push(`${onnx} is missing (the ${dtype} weights this device uses; other precisions will not do)`);
  else if (weights.bytes === 0) problems.push(`${onnx} is empty`);
  if (problems.length > 0)
    throw new ModelFolderError(`This folder cannot be used for ${model.id}: ${problems.join('; ')}.`);
}

/**
 * The files of a model folder worth storing: top-level JSON/text files and everything under `onnx/`.
 *
 * @example
 * filesToStore(folder).map((f) => f.path); // ['config.json', 'onnx/model.onnx', 'tokenizer.json', …]
 */
export function filesToStore(folder: LocatedFolder): FolderEntry[] {
  return folder.files.filter((file) => MODEL_FILE.test(file.path));
}

/**
 * The Cache Storage key transformers.js looks a model file up under when offline: the hub URL for hub
 * models, the app's `/models/{id}/{file}` path (resolved against the origin) for local ones.
 *
 * @example
 * cacheKeyFor({ id: 'fixture-tiny', dims: 64, source: 'local' }, 'config.json', 'http://127.0.0.1:4173');
 * // 'http://127.0.0.1:4173/models/fixture-tiny/config.json'
 */
export function cacheKeyFor(model: KnownModel, file: string, origin: string): string {
  if (model.source === 'hub') return `${HUB_URL}${model.id}/resolve/main/${file}`;
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
