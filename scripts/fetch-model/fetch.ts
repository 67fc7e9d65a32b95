/**
 * Downloads a feature-extraction model from a hub into `<outRoot>/<id>/` in transformers.js layout: skips files
 * already complete, retries failed ones, and validates the folder at the end.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { wasmDtype } from '../../src/embed/precision';
import { findModel, type ModelEntry } from '../../src/embed/registry';
import { HUB_URL, hubFileUrl, type Dtype } from '../../src/embed/runtime-files';
import { download, probe, statusError } from './download';
import { FetchModelError } from './errors';
import { filesFor, type ModelFile } from './files';
import { isModelId } from './hub';
import { validateModelDir } from './validate';

/** `public/models/`, where the app looks for self-hosted models. */
export const PUBLIC_MODELS_DIR = fileURLToPath(new URL('../../public/models/', import.meta.url));

/** Options of {@link fetchModel}. */
export interface FetchModelOptions {
  /** Hub model id, e.g. `Xenova/bge-small-zh-v1.5`. */
  id: string;
  /** Weight precision; default: what the app loads on WASM (q8), among the files the registry lists. */
  dtype?: Dtype;
  /** Hub base URL; default `https://huggingface.co/`. */
  base?: string;
  /** Folder that receives `<id>/`; default `public/models/`. */
  outRoot?: string;
  /** Extra attempts per file after a retryable failure; default 3. */
  retries?: number;
  /** Wait before retry n is n × this many ms; default 1000. */
  retryDelayMs?: number;
  /** Cancels the download; the file in flight is discarded. */
  signal?: AbortSignal;
  /** Receives progress, retry and per-file results. */
  onEvent?: (event: FetchEvent) => void;
}

/** What happened to one file. */
export interface FileOutcome {
  /** Path inside the model folder. */
  file: string;
  /** `downloaded`; `skipped` (already complete); `absent` (optional and not on the hub). */
  status: 'downloaded' | 'skipped' | 'absent';
  /** Size on disk (0 when absent). */
  bytes: number;
}

/** Progress reported while fetching. */
export type FetchEvent =
  | { type: 'start'; file: string; total: number | undefined }
  | { type: 'progress'; file: string; loaded: number; total: number | undefined }
  | { type: 'retry'; file: string; attempt: number; attempts: number; delayMs: number; reason: string }
  | { type: 'file'; outcome: FileOutcome };

/** The result of {@link fetchModel}. */
export interface FetchModelResult {
  /** Absolute path of the model folder. */
  dir: string;
  /** The precision downloaded. */
  dtype: Dtype;
  /** One outcome per file, in download order. */
  files: FileOutcome[];
}

interface FileContext {
  base: string;
  id: string;
  dir: string;
  signal: AbortSignal | undefined;
  emit: (event: FetchEvent) => void;
}

async function localSize(path: string): Promise<number | undefined> {
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? info.size : undefined;
}

async function fetchFile({ path, optional }: ModelFile, context: FileContext): Promise<FileOutcome> {
  const url = hubFileUrl(context.base, context.id, path);
  const dest = join(context.dir, path);
  const remote = await probe(url, context.signal);
  if (!remote.found) {
    if (optional && remote.status === 404) return { file: path, status: 'absent', bytes: 0 };
    throw statusError(url, remote.status);
  }
  if (remote.size !== undefined && (await localSize(dest)) === remote.size) {
    return { file: path, status: 'skipped', bytes: remote.size };
  }
  context.emit({ type: 'start', file: path, total: remote.size });
  const onProgress = (loaded: number): void =>
    context.emit({ type: 'progress', file: path, loaded, total: remote.size });
  const bytes = await download(url, dest, remote.size, onProgress, context.signal);
  return { file: path, status: 'downloaded', bytes };
}

async function withRetries(
  file: ModelFile,
  context: FileContext,
  retries: number,
  retryDelayMs: number,
): Promise<FileOutcome> {
  const attempts = retries + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchFile(file, context);
    } catch (error) {
      if (!(error instanceof FetchModelError)) throw error;
      if (!error.retryable || context.signal?.aborted)
        throw new FetchModelError(`${file.path}: ${error.message}`);
      if (attempt >= attempts) {
        throw new FetchModelError(`${file.path}: failed after ${attempts} attempts: ${error.message}`);
      }
      const delayMs = attempt * retryDelayMs;
      context.emit({ type: 'retry', file: file.path, attempt, attempts, delayMs, reason: error.message });
      await sleep(delayMs, undefined, { signal: context.signal }).catch(() => {
        throw new FetchModelError('cancelled');
      });
    }
  }
}

/** The registry's entry for a hub model, whose repo's file list is known. */
function listedHubModel(id: string): ModelEntry | undefined {
  const model = findModel(id);
  return model?.source === 'hub' && model.id === id ? model : undefined;
}

/**
 * Downloads the files a transformers.js feature-extraction pipeline needs into `<outRoot>/<id>/` and validates
 * them. Throws a {@link FetchModelError} whose message names the file on any download or validation failure.
 *
 * @example
 * await fetchModel({ id: 'Xenova/bge-small-zh-v1.5', dtype: 'q8' }); // → public/models/Xenova/bge-small-zh-v1.5/
 */
export async function fetchModel(options: FetchModelOptions): Promise<FetchModelResult> {
  const { id, base = HUB_URL, retries = 3, retryDelayMs = 1000 } = options;
  if (!isModelId(id)) throw new FetchModelError(`not a hub model id: "${id}" (expected owner/name)`);
  const listed = listedHubModel(id);
  const dtype = options.dtype ?? (listed ? wasmDtype(listed) : 'q8');
  if (listed && !listed.dtypes.includes(dtype)) {
    throw new FetchModelError(
      `${id} has no ${dtype} weights on the hub (its repo has ${listed.dtypes.join(', ')}); use --dtype ${wasmDtype(listed)}`,
    );
  }
  const dir = resolve(options.outRoot ?? PUBLIC_MODELS_DIR, id);
  const emit = options.onEvent ?? (() => {});
  const context: FileContext = { base, id, dir, signal: options.signal, emit };
  const files: FileOutcome[] = [];
  for (const file of filesFor(dtype, listed !== undefined)) {
    const outcome = await withRetries(file, context, retries, retryDelayMs);
    emit({ type: 'file', outcome });
    files.push(outcome);
  }
  await validateModelDir(dir, dtype);
  return { dir, dtype, files };
}
