/**
 * Writes the test models into `public/models/<id>/`, skipping a model whose `.stamp` (a hash of the generator
 * sources, the spec and the vocabulary) still matches.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_MODELS, type TestModelSpec } from './fixtures';
import { onnxFileFor } from '../../src/embed/runtime-files';
import { modelFiles, TEST_MODEL_DTYPES } from './model-files';

const GENERATOR_DIR = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = join(GENERATOR_DIR, '..', '..');
const TOKENIZER_MODULE = join(PROJECT_ROOT, 'src', 'core', 'tokenize', 'bert-tokenizer.ts');
const OUTPUT_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  ...TEST_MODEL_DTYPES.map(onnxFileFor),
];

/** Absolute path of `public/models/`, the transformers.js `env.localModelPath` for the test models. */
export const MODELS_DIR = join(PROJECT_ROOT, 'public', 'models');

/** Absolute path of the bert-base-chinese vocabulary the test models use. */
export const VOCAB_PATH = join(PROJECT_ROOT, 'public', 'tokenizer', 'bert-base-chinese-vocab.txt');

/** Options of {@link generateTestModels}. */
export interface GenerateOptions {
  /** Regenerate even when the stamp matches. */
  force?: boolean;
  /** Receives one human-readable line per written or skipped model and file. */
  log?: (line: string) => void;
}

/** What happened to one model. */
export interface GeneratedModel {
  /** Model id (folder name). */
  id: string;
  /** Whether the files were (re)written; false when the stamp matched. */
  written: boolean;
  /** Bytes per written file path, relative to the model folder; empty when skipped. */
  sizes: Record<string, number>;
}

async function generatorStamp(spec: TestModelSpec, vocabText: string): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(spec)).update(vocabText);
  const sources = (await readdir(GENERATOR_DIR)).filter((name) => name.endsWith('.ts')).sort();
  for (const path of [...sources.map((name) => join(GENERATOR_DIR, name)), TOKENIZER_MODULE]) {
    hash.update(path.slice(PROJECT_ROOT.length)).update(await readFile(path));
  }
  return `${hash.digest('hex')}\n`;
}

async function isCurrent(dir: string, stamp: string): Promise<boolean> {
  try {
    if ((await readFile(join(dir, '.stamp'), 'utf8')) !== stamp) return false;
    await Promise.all(OUTPUT_FILES.map((file) => stat(join(dir, file))));
    return true;
  } catch {
    return false;
  }
}

function formatBytes(bytes: number): string {
  return bytes < 1_048_576 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1_048_576).toFixed(1)} MiB`;
}

/** Writes via a temporary file and rename, so readers never see a half-written file. */
async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

async function generateOne(
  spec: TestModelSpec,
  vocabText: string,
  options: GenerateOptions,
): Promise<GeneratedModel> {
  const log = options.log ?? (() => {});
  const dir = join(MODELS_DIR, spec.id);
  const stamp = await generatorStamp(spec, vocabText);
  if (!options.force && (await isCurrent(dir, stamp))) {
    log(`${spec.id}: up to date (stamp matches), skipped`);
    return { id: spec.id, written: false, sizes: {} };
  }
  await rm(join(dir, '.stamp'), { force: true });
  const files = modelFiles(spec, vocabText);
  const sizes: Record<string, number> = {};
  for (const [file, data] of files) {
    await writeAtomically(join(dir, file), data);
    sizes[file] = data.byteLength;
    log(`${spec.id}/${file}: ${formatBytes(data.byteLength)}`);
  }
  await writeAtomically(join(dir, '.stamp'), new TextEncoder().encode(stamp));
  return { id: spec.id, written: true, sizes };
}

/**
 * Generates every model of {@link TEST_MODELS} that is missing or stale (or all with `force`).
 *
 * @example
 * await generateTestModels({ log: console.log });
 */
export async function generateTestModels(options: GenerateOptions = {}): Promise<GeneratedModel[]> {
  const vocabText = await readFile(VOCAB_PATH, 'utf8');
  const results: GeneratedModel[] = [];
  for (const spec of TEST_MODELS) results.push(await generateOne(spec, vocabText, options));
  return results;
}
