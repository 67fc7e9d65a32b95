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

/** One thing wrong with a file of a model folder. */
export type FolderFileProblem =
  | { problem: 'missing' | 'not-json' | 'no-model-type' | 'no-hidden-size' | 'empty'; file: string }
  | { problem: 'hidden-size-mismatch'; file: string; hiddenSize: number; model: string; dims: number }
  | { problem: 'weights-missing'; file: string; dtype: string };

/** Why a picked model folder cannot be used or stored; the page says it in the reader's language. */
export type ModelFolderProblem =
  | { reason: 'no-config' | 'no-name' }
  | { reason: 'unknown-name'; folder: string; accepted: string[] }
  | { reason: 'ambiguous-name'; folder: string; models: string[] }
  | { reason: 'several-models'; folders: string[] }
  | { reason: 'incomplete'; model: string; problems: FolderFileProblem[] }
  | { reason: 'storage-full'; model: string }
  | { reason: 'not-stored'; model: string; detail: string };

type Problem<R extends ModelFolderProblem['reason']> = Extract<ModelFolderProblem, { reason: R }>;

/** A file's problem in English, for `message`. */
function englishFileProblem(problem: FolderFileProblem): string {
  switch (problem.problem) {
    case 'missing':
      return `${problem.file} is missing`;
    case 'not-json':
      return `${problem.file} is not valid JSON`;
    case 'no-model-type':
      return `${problem.file} has no model_type`;
    case 'no-hidden-size':
      return `${problem.file} has no hidden_size`;
    case 'empty':
      return `${problem.file} is empty`;
    case 'hidden-size-mismatch':
      return `${problem.file} says hidden_size ${problem.hiddenSize}, but ${problem.model} has ${problem.dims} dimensions: this folder holds a different model`;
    case 'weights-missing':
      return `${problem.file} is missing (the ${problem.dtype} weights this device uses; other precisions will not do)`;
  }
}

/** Each problem in English, for `message` (logs, tests). */
const ENGLISH: { [R in ModelFolderProblem['reason']]: (problem: Problem<R>) => string } = {
  'no-config': () =>
    'This folder has no config.json, so it is not a model folder. Pick the folder that holds config.json, tokenizer.json and onnx/.',
  'no-name': () =>
    'The model folder has no name to tell which model it is. Pick the folder itself (e.g. bge-small-zh-v1.5).',
  'unknown-name': ({ folder, accepted }) =>
    `“${folder}” is not a model this app knows. Pick a model folder named after one of: ${accepted.join(', ')}.`,
  'ambiguous-name': ({ folder, models }) =>
    `The folder name “${folder}” fits more than one model (${models.join(', ')}), so the app cannot tell which it is.`,
  'several-models': ({ folders }) =>
    `This folder holds several models (${folders.join(', ')}); pick one model's own folder.`,
  incomplete: ({ model, problems }) =>
    `This folder cannot be used for ${model}: ${problems.map(englishFileProblem).join('; ')}.`,
  'storage-full': ({ model }) =>
    `The browser's storage is full, so ${model} was not stored. Delete cached models or free some space, then try again.`,
  'not-stored': ({ model, detail }) => `${model} could not be stored in the browser's cache (${detail}).`,
};

/**
 * A folder that cannot be used or stored: `problem` says why as data (the page renders it), `message` in English.
 *
 * @example
 * new ModelFolderError({ reason: 'no-name' }).problem; // { reason: 'no-name' }
 */
export class ModelFolderError extends Error {
  override readonly name = 'ModelFolderError';

  constructor(
    readonly problem: ModelFolderProblem,
    options?: ErrorOptions,
  ) {
    super((ENGLISH[problem.reason] as (problem: ModelFolderProblem) => string)(problem), options);
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
  if (matches.length > 1)
    throw new ModelFolderError({
      reason: 'ambiguous-name',
      folder: folderName,
      models: matches.map((m) => m.id),
    });
  const accepted = models.map((model) => folderNameOf(model.id));
  throw new ModelFolderError({ reason: 'unknown-name', folder: folderName, accepted });
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
  if (roots.length === 0) throw new ModelFolderError({ reason: 'no-config' });
  const depth = (prefix: string) => prefix.split('/').length;
  const shallowest = Math.min(...roots.map(depth));
  const candidates = roots.filter((prefix) => depth(prefix) === shallowest);
  if (candidates.length > 1)
    throw new ModelFolderError({
      reason: 'several-models',
      folders: candidates.map((prefix) => prefix.slice(0, -1)),
    });
  const prefix = candidates[0] ?? '';
  const name = prefix.slice(0, -1).split('/').pop() ?? '';
  if (!name) throw new ModelFolderError({ reason: 'no-name' });
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
function configProblems(model: KnownModel, text: string | undefined): FolderFileProblem[] {
  const file = CONFIG;
  if (text === undefined) return [{ problem: 'missing', file }];
  const config = parseObject(text);
  if (!config) return [{ problem: 'not-json', file }];
  const problems: FolderFileProblem[] = [];
  if (typeof config.model_type !== 'string') problems.push({ problem: 'no-model-type', file });
  if (typeof config.hidden_size !== 'number') problems.push({ problem: 'no-hidden-size', file });
  else if (config.hidden_size !== model.dims)
    problems.push({
      problem: 'hidden-size-mismatch',
      file,
      hiddenSize: config.hidden_size,
      model: model.id,
      dims: model.dims,
    });
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
    if (text === undefined) problems.push({ problem: 'missing', file: name });
    else if (!parseObject(text)) problems.push({ problem: 'not-json', file: name });
  }
  const { dtype, file: onnx } = weights;
  const found = files.find((file) => file.path === onnx);
  if (!found) problems.push({ problem: 'weights-missing', file: onnx, dtype });
  else if (found.bytes === 0) problems.push({ problem: 'empty', file: onnx });
  if (problems.length > 0) throw new ModelFolderError({ reason: 'incomplete', model: model.id, problems });
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
