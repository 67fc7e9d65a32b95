/**
 * A model folder picked by the user (transformers.js layout: `config.json`, `tokenizer.json`,
 * `tokenizer_config.json`, `onnx/model*.onnx`): which registry model it is and whether it is complete for the
 * weights file the app would load. Pure: paths and texts in, answers out; the runtime's file names and cache
 * keys are `src/embed`'s.
 */

/** The weights file the app would load: its precision and path in the folder (`onnx/model_quantized.onnx`). */
export interface WeightsFile {
  /** Precision, as the registry names it (`q8`). */
  dtype: string;
  /** Path relative to the model folder. */
  file: string;
}

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

const CONFIG = 'config.json';
const TOKENIZER = 'tokenizer.json';
const TOKENIZER_CONFIG = 'tokenizer_config.json';
/** Files transformers.js may read: JSON and text at the top, anything under `onnx/`. */
const MODEL_FILE = /^(?:[^/]+\.(?:json|txt|model)|onnx\/[^/]+)$/;

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
 * checkModelFolder(folder, texts, { dtype: 'q8', file: 'onnx/model_quantized.onnx' }); // throws “… onnx/model_quantized.onnx is missing …” without weights
 */
export function checkModelFolder(folder: LocatedFolder, texts: FolderTexts, weights: WeightsFile): void {
  const { model, files } = folder;
  const problems = configProblems(model, texts.config);
  for (const [name, text] of [
    [TOKENIZER, texts.tokenizer],
    [TOKENIZER_CONFIG, texts.tokenizerConfig],
  ] as const) {
    if (text === undefined) problems.push(`${name} is missing`);
    else if (!parseObject(text)) problems.push(`${name} is not valid JSON`);
  }
  const { dtype, file: onnx } = weights;
  const found = files.find((file) => file.path === onnx);
  if (!found)
    problems.push(`${onnx} is missing (the ${dtype} weights this device uses; other precisions will not do)`);
  else if (found.bytes === 0) problems.push(`${onnx} is empty`);
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
