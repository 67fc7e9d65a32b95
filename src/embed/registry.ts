/**
 * The model registry: every embedding model the app can run, with what the worker needs to load and use it.
 * Pure data and lookups; importing this file loads no model runtime.
 */

import type { Dtype } from './runtime-files';

export type { Dtype } from './runtime-files';

/** Execution devices the app uses. */
export type Device = 'webgpu' | 'wasm';

/** Where the model files come from. */
export type ModelSource = 'hub' | 'local';

/** One registry entry. */
export interface ModelEntry {
  /** Hub id (`Xenova/bge-small-zh-v1.5`) or, for local test models, the folder name under `/models/`. */
  id: string;
  /** Short name for menus. */
  label: string;
  /** Output dimensions. */
  dims: number;
  /** How the sentence vector is taken from the token outputs. */
  pooling: 'cls' | 'mean';
  /** Whether vectors are L2-normalised (all BGE models: yes). */
  normalize: boolean;
  /** Instruction put before short queries (never before passages); empty when the model wants none. */
  queryInstruction: string;
  /**
   * Convert traditional characters to simplified before embedding (passages and queries alike). The BGE zh
   * models learnt mostly simplified text; without this a simplified query and a traditional passage share
   * few tokens. Display and highlighting keep the original script.
   */
  simplifyScript: boolean;
  /**
   * The precisions the model's repo has files for (`onnx/model.onnx`, `model_fp16.onnx`,
   * `model_quantized.onnx`); the app never asks for another. See `precision.ts` for the choice among them.
   */
  dtypes: readonly Dtype[];
  /** Download size in MB of the q8 weights (plus tokenizer and config). */
  sizeMB: number;
  /** Hub models load from the Hugging Face hub (or a self-hosted copy); local ones are served by the app. */
  source: ModelSource;
  /** Set for generated test models: what they can and cannot do, shown wherever they appear. */
  testModel?: string;
}

/** The note shown wherever a generated test model appears. */
export const TEST_MODEL_NOTE = 'test model: matches shared characters, knows no meanings';

/** The precisions of the hub's bge-small/base v1.5 repos, which the generated test models copy. */
const ALL_DTYPES: readonly Dtype[] = ['fp32', 'fp16', 'q8'];

const BGE_ZH_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：';
const BGE_EN_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';

/** All models, default first. */
export const MODELS: readonly ModelEntry[] = [
  {
    id: 'Xenova/bge-small-zh-v1.5',
    label: 'BGE small zh v1.5',
    dims: 512,
    pooling: 'cls',
    normalize: true,
    queryInstruction: BGE_ZH_INSTRUCTION,
    simplifyScript: true,
    dtypes: ALL_DTYPES,
    sizeMB: 24,
    source: 'hub',
  },
  {
    id: 'Xenova/bge-base-zh-v1.5',
    label: 'BGE base zh v1.5',
    dims: 768,
    pooling: 'cls',
    normalize: true,
    queryInstruction: BGE_ZH_INSTRUCTION,
    simplifyScript: true,
    dtypes: ALL_DTYPES,
    sizeMB: 103,
    source: 'hub',
  },
  {
    id: 'Xenova/bge-m3',
    label: 'BGE M3 (multilingual)',
    dims: 1024,
    pooling: 'cls',
    normalize: true,
    queryInstruction: '',
    simplifyScript: false,
    // Its fp32 graph is `model.onnx` plus external data under another name, and there is no fp16 file.
    dtypes: ['q8'],
    sizeMB: 568,
    source: 'hub',
  },
  {
    id: 'Xenova/bge-small-en-v1.5',
    label: 'BGE small en v1.5',
    dims: 384,
    pooling: 'cls',
    normalize: true,
    queryInstruction: BGE_EN_INSTRUCTION,
    simplifyScript: false,
    dtypes: ALL_DTYPES,
    sizeMB: 34,
    source: 'hub',
  },
  {
    id: 'fixture-small-zh',
    label: 'Test model, bge-small-zh shape',
    dims: 512,
    pooling: 'cls',
    normalize: true,
    queryInstruction: BGE_ZH_INSTRUCTION,
    simplifyScript: true,
    dtypes: ALL_DTYPES,
    sizeMB: 24,
    source: 'local',
    testModel: TEST_MODEL_NOTE,
  },
  {
    id: 'fixture-tiny',
    label: 'Test model, tiny',
    dims: 64,
    pooling: 'cls',
    normalize: true,
    queryInstruction: BGE_ZH_INSTRUCTION,
    simplifyScript: true,
    dtypes: ALL_DTYPES,
    sizeMB: 2,
    source: 'local',
    testModel: TEST_MODEL_NOTE,
  },
];

/** The model used when none is chosen. */
export const DEFAULT_MODEL_ID = 'Xenova/bge-small-zh-v1.5';

/** Short names accepted where a model id is expected (`--model fixture`). */
const ALIASES: Record<string, string> = { fixture: 'fixture-small-zh' };

/**
 * Finds a registry entry by id or alias, or returns undefined.
 *
 * @example
 * findModel('fixture')?.id; // 'fixture-small-zh'
 */
export function findModel(id: string): ModelEntry | undefined {
  const resolved = ALIASES[id] ?? id;
  return MODELS.find((model) => model.id === resolved);
}

/** Where a model's files are looked for. Mirrors `ModelHosting` in the loader, without importing it. */
export interface HostingPlan {
  /** Base path of the app's own model folder, or null. */
  localModelPath: string | null;
  /** Hub base URL, or null to never download. */
  remoteHost: string | null;
}

/**
 * Decides where to load a model from: local test models from the app's `/models/` only; hub models from
 * a self-hosted copy under `/models/` when present, else the hub. A `hubHost` (mirror or test hub) means
 * download from that host only.
 *
 * @example
 * hostingFor(findModel('fixture-small-zh')!, '/models/', 'https://huggingface.co/'); // { localModelPath: '/models/', remoteHost: null }
 */
export function hostingFor(
  model: ModelEntry,
  localModelPath: string,
  defaultHub: string,
  hubHost?: string,
): HostingPlan {
  if (hubHost) return { localModelPath: null, remoteHost: hubHost };
  if (model.source === 'local') return { localModelPath, remoteHost: null };
  return { localModelPath, remoteHost: defaultHub };
}
