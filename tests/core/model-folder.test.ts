import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import {
  checkModelFolder,
  filesToStore,
  identifyModel,
  locateModelFolder,
  mayBeModelFile,
  ModelFolderError,
  type FolderEntry,
  type FolderTexts,
  type KnownModel,
} from '../../src/core/model-folder';
import { cacheKeyFor, modelFileOfCacheKey } from '../../src/embed/cache-keys';
import { findModel, MODELS } from '../../src/embed/registry';
import { MODEL_CACHE_NAME, onnxFileFor, type Dtype } from '../../src/embed/runtime-files';

const weights = (dtype: Dtype) => ({ dtype, file: onnxFileFor(dtype) });

const MODELS_DIR = fileURLToPath(new URL('../../public/models/', import.meta.url));
const ORIGIN = 'http://127.0.0.1:4173';

const CONFIG = JSON.stringify({ model_type: 'bert', hidden_size: 512 });
const TEXTS: FolderTexts = { config: CONFIG, tokenizer: '{"model":{}}', tokenizerConfig: '{}' };

function entries(folder: string, onnx = 'onnx/model_quantized.onnx'): FolderEntry[] {
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', onnx].map((path) => ({
    path: `${folder}/${path}`,
    bytes: 100,
  }));
}

/** The files of a generated test model as a folder picker lists them. */
function pickFolder(name: string): { entries: FolderEntry[]; texts: FolderTexts } {
  const dir = join(MODELS_DIR, name);
  const walk = (path: string): string[] =>
    statSync(path).isDirectory() ? readdirSync(path).flatMap((child) => walk(join(path, child))) : [path];
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return {
    entries: walk(dir).map((path) => ({
      path: `${name}/${relative(dir, path)}`,
      bytes: statSync(path).size,
    })),
    texts: {
      config: read('config.json'),
      tokenizer: read('tokenizer.json'),
      tokenizerConfig: read('tokenizer_config.json'),
    },
  };
}

describe('identifyModel', () => {
  it('recognises a folder by the last segment of a registry id, in any case', () => {
    expect(identifyModel('bge-small-zh-v1.5', MODELS).id).toBe('Xenova/bge-small-zh-v1.5');
    expect(identifyModel('BGE-M3', MODELS).id).toBe('Xenova/bge-m3');
    expect(identifyModel('fixture-small-zh', MODELS).id).toBe('fixture-small-zh');
  });

  it('refuses an unknown name, listing the accepted ones', () => {
    expect(() => identifyModel('my-model', MODELS)).toThrow(ModelFolderError);
    expect(() => identifyModel('my-model', MODELS)).toThrow(
      /“my-model” is not a model this app knows.*bge-small-zh-v1\.5, bge-base-zh-v1\.5, bge-m3, bge-small-en-v1\.5, fixture-small-zh, fixture-tiny\./,
    );
  });

  it('refuses a name that fits two entries', () => {
    const models: KnownModel[] = [
      { id: 'A/bge-m3', dims: 1024, source: 'hub' },
      { id: 'B/bge-m3', dims: 1024, source: 'hub' },
    ];
    expect(() => identifyModel('bge-m3', models)).toThrow(
      /fits more than one model \(A\/bge-m3, B\/bge-m3\)/,
    );
  });
});

describe('locateModelFolder', () => {
  it('finds the model folder and gives paths relative to it', () => {
    const folder = locateModelFolder(entries('bge-small-zh-v1.5'), MODELS);
    expect(folder.model.id).toBe('Xenova/bge-small-zh-v1.5');
    expect(folder.prefix).toBe('bge-small-zh-v1.5/');
    expect(folder.files.map((file) => file.path)).toContain('onnx/model_quantized.onnx');
  });

  it('accepts a parent folder holding one model (as fetch-model writes Xenova/<name>)', () => {
    const folder = locateModelFolder(entries('Xenova/bge-m3'), MODELS);
    expect(folder.model.id).toBe('Xenova/bge-m3');
    expect(folder.prefix).toBe('Xenova/bge-m3/');
  });

  it('refuses a folder without config.json, several models, or no folder name', () => {
    const noConfig = entries('fixture-tiny').filter((entry) => !entry.path.endsWith('config.json'));
    expect(() => locateModelFolder(noConfig, MODELS)).toThrow(/no config\.json/);
    const two = [...entries('models/fixture-tiny'), ...entries('models/fixture-small-zh')];
    expect(() => locateModelFolder(two, MODELS)).toThrow(
      /several models \(models\/fixture-tiny, models\/fixture-small-zh\)/,
    );
    expect(() => locateModelFolder([{ path: 'config.json', bytes: 2 }], MODELS)).toThrow(/no name/);
  });
});

describe('checkModelFolder', () => {
  const folder = locateModelFolder(entries('bge-small-zh-v1.5'), MODELS);

  it('accepts a complete folder for the precision in use', () => {
    expect(() => checkModelFolder(folder, TEXTS, weights('q8'))).not.toThrow();
  });

  it('names the missing ONNX file for the precision in use', () => {
    expect(() => checkModelFolder(folder, TEXTS, weights('fp16'))).toThrow(
      /This folder cannot be used for Xenova\/bge-small-zh-v1\.5: onnx\/model_fp16\.onnx is missing \(the fp16 weights/,
    );
    const empty = { ...folder, files: folder.files.map((file) => ({ ...file, bytes: 0 })) };
    expect(() => checkModelFolder(empty, TEXTS, weights('q8'))).toThrow(
      /onnx\/model_quantized\.onnx is empty/,
    );
  });

  it('lists every problem with the config and tokenizer files', () => {
    const check = (texts: FolderTexts) => () => checkModelFolder(folder, texts, weights('q8'));
    expect(check({ ...TEXTS, config: undefined })).toThrow(/config\.json is missing/);
    expect(check({ ...TEXTS, config: '{oops' })).toThrow(/config\.json is not valid JSON/);
    expect(check({ ...TEXTS, config: '{}' })).toThrow(
      /config\.json has no model_type; config\.json has no hidden_size/,
    );
    expect(check({ ...TEXTS, config: JSON.stringify({ model_type: 'bert', hidden_size: 768 }) })).toThrow(
      /hidden_size 768, but Xenova\/bge-small-zh-v1\.5 has 512 dimensions/,
    );
    expect(check({ ...TEXTS, tokenizer: undefined, tokenizerConfig: '[1]' })).toThrow(
      /tokenizer\.json is missing; tokenizer_config\.json is not valid JSON/,
    );
  });

  it('carries each problem as data, for the page to say in the reader’s language', () => {
    let thrown: unknown;
    try {
      checkModelFolder(folder, { ...TEXTS, tokenizer: undefined }, weights('fp16'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ModelFolderError);
    expect((thrown as ModelFolderError).problem).toEqual({
      reason: 'incomplete',
      model: 'Xenova/bge-small-zh-v1.5',
      problems: [
        { problem: 'missing', file: 'tokenizer.json' },
        { problem: 'weights-missing', file: 'onnx/model_fp16.onnx', dtype: 'fp16' },
      ],
    });
  });

  it('accepts the generated test models as they are on disk', () => {
    for (const name of ['fixture-tiny', 'fixture-small-zh']) {
      const picked = pickFolder(name);
      const located = locateModelFolder(picked.entries, MODELS);
      expect(located.model.id).toBe(name);
      expect(() => checkModelFolder(located, picked.texts, weights('q8'))).not.toThrow();
    }
  });
});

describe('files and cache keys', () => {
  it('maps precisions to transformers.js file names', () => {
    expect(onnxFileFor('fp32')).toBe('onnx/model.onnx');
    expect(onnxFileFor('fp16')).toBe('onnx/model_fp16.onnx');
    expect(onnxFileFor('q8')).toBe('onnx/model_quantized.onnx');
  });

  it('reads only model files and stores top-level JSON and onnx/', () => {
    expect(mayBeModelFile('bge-m3/onnx/model.onnx_data')).toBe(true);
    expect(mayBeModelFile('bge-m3/README.md')).toBe(false);
    expect(mayBeModelFile('bge-m3/.cache/config.json')).toBe(false);
    const folder = locateModelFolder(
      [...entries('bge-m3'), { path: 'bge-m3/extra/config.json', bytes: 1 }],
      MODELS,
    );
    expect(filesToStore(folder).map((file) => file.path)).toEqual([
      'config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/model_quantized.onnx',
    ]);
  });

  it('keys hub models by their hub URL and local models by the app path, and reads both forms back', () => {
    const hub = cacheKeyFor(findModel('Xenova/bge-small-zh-v1.5')!, 'onnx/model_quantized.onnx', ORIGIN);
    expect(hub).toBe(
      'https://huggingface.co/Xenova/bge-small-zh-v1.5/resolve/main/onnx/model_quantized.onnx',
    );
    const local = cacheKeyFor(findModel('fixture-tiny')!, 'config.json', ORIGIN);
    expect(local).toBe(`${ORIGIN}/models/fixture-tiny/config.json`);
    expect(modelFileOfCacheKey(hub, MODELS)).toEqual({
      modelId: 'Xenova/bge-small-zh-v1.5',
      file: 'onnx/model_quantized.onnx',
    });
    expect(modelFileOfCacheKey(local, MODELS)).toEqual({ modelId: 'fixture-tiny', file: 'config.json' });
    expect(modelFileOfCacheKey(`${ORIGIN}/models/Xenova/bge-m3/tokenizer.json`, MODELS)).toEqual({
      modelId: 'Xenova/bge-m3',
      file: 'tokenizer.json',
    });
    expect(
      modelFileOfCacheKey('http://127.0.0.1:9000/mirror/fixture-small-zh/resolve/v2/onnx/model.onnx', MODELS),
    ).toEqual({ modelId: 'fixture-small-zh', file: 'onnx/model.onnx' });
    expect(modelFileOfCacheKey(`${ORIGIN}/models/other/config.json`, MODELS)).toBeUndefined();
    expect(modelFileOfCacheKey('not a url', MODELS)).toBeUndefined();
  });

  it('uses the cache transformers.js uses', () => {
    expect(MODEL_CACHE_NAME).toBe(env.cacheKey);
  });
});
