/**
 * Runs the real engine in Node: fake-indexeddb for storage, files served from memory and `public/`, and the
 * generated test model fixture-tiny through transformers.js (onnxruntime-node). No browser.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { loadNodeEmbedder } from '../../scripts/eval/dense';
import { MODELS_DIR, VOCAB_PATH } from '../../scripts/test-models/generate';
import type { StatusEvent } from '../../src/core/status/events';
import type { Embedder } from '../../src/embed/loader';
import { findModel } from '../../src/embed/registry';
import { openSearchDb } from '../../src/storage';
import { SearchEngine } from '../../workers/engine';
import type { EngineDeps } from '../../workers/engine-deps';

/** The test model every engine test uses (a generated bag-of-tokens model, not a real one). */
export const TEST_MODEL = findModel('fixture-tiny')!;

let embedder: Promise<Embedder> | undefined;

/** fixture-tiny, loaded once per test file. */
export function tinyEmbedder(): Promise<Embedder> {
  embedder ??= loadNodeEmbedder(TEST_MODEL, `${MODELS_DIR}/`);
  return embedder;
}

/** A bundled article: its name and text. */
export interface Article {
  name: string;
  text: string;
}

/** Files the engine may fetch: the manifest of `articles`, their bytes and the tokenizer vocabulary. */
export function servedFiles(articles: Article[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  const manifest = articles.map(({ name, text }) => {
    const bytes = encoder.encode(text);
    files.set(`/corpus/${encodeURIComponent(name)}`, bytes);
    return { name, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  files.set('/corpus/manifest.json', encoder.encode(JSON.stringify({ files: manifest })));
  files.set('/tokenizer/bert-base-chinese-vocab.txt', readFileSync(VOCAB_PATH));
  return files;
}

/** An engine and what it did. */
export interface TestEngine {
  /** The engine. */
  engine: SearchEngine;
  /** Every status event it emitted, in order. */
  events: StatusEvent[];
  /** Its dependencies, for tests that change one. */
  deps: EngineDeps;
}

/** Options of {@link makeEngine}. */
export interface MakeEngineOptions {
  /** The IndexedDB factory: share one to simulate a reload (a second engine on the same storage). */
  factory?: IDBFactory;
  /** Files it can fetch; default: a corpus of {@link ARTICLES}. */
  files?: Map<string, Uint8Array>;
  /** Answers a fetch instead of the served files when it returns a response. */
  intercept?: (path: string) => Response | undefined;
  /** Replaces the model loader. */
  loadModel?: EngineDeps['loadModel'];
}

/** A new engine on its own (or the given) storage. */
export function makeEngine(options: MakeEngineOptions = {}): TestEngine {
  const factory = options.factory ?? new IDBFactory();
  const files = options.files ?? servedFiles(ARTICLES);
  const events: StatusEvent[] = [];
  const deps: EngineDeps = {
    emit: (event) => events.push(event),
    openDb: (callbacks) => openSearchDb({ factory, ...callbacks }),
    fetchFile: async (path) => {
      const intercepted = options.intercept?.(path);
      if (intercepted) return intercepted;
      const bytes = files.get(path);
      return bytes
        ? new Response(new Blob([new Uint8Array(bytes)]))
        : new Response('not found', { status: 404 });
    },
    loadModel:
      options.loadModel ?? (async ({ model }) => ({ model, embedder: await tinyEmbedder(), device: 'wasm' })),
  };
  return { engine: new SearchEngine(deps), events, deps };
}

/** Three short articles; the first answers {@link QUERY}. */
export const ARTICLES: Article[] = [
  { name: 'models.txt', text: '阿里已开源200多款模型，覆盖语言和视觉。' },
  { name: 'weather.txt', text: '天气很好，我们去公园散步，看见很多花。' },
  { name: 'cooking.txt', text: '做饭的时候先把锅烧热，再放油和青菜。' },
];

/** A query whose answer is the first article. */
export const QUERY = '阿里开源了多少款模型';

/** Start options for the test model. */
export const START = { modelId: TEST_MODEL.id };
