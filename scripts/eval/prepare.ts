/**
 * Builds what the evaluation searches: the ingested corpus and, when the mode needs one, the embedded index.
 * Nothing is cached: every run ingests and embeds from scratch.
 */
import { join } from 'node:path';
import { wasmDtype } from '../../src/embed/precision';
import type { ModelEntry } from '../../src/embed/registry';
import type { Library } from '../../workers/library';
import type { DenseSide } from '../../workers/searcher';
import { loadCorpusLibrary } from './corpus';
import { embedLibrary, loadNodeEmbedder } from './dense';

/** What the evaluation searches. */
export interface EvalSetup {
  /** Documents, passages and the BM25 index. */
  library: Library;
  /** The model and every passage's vector; absent when only lexical search is evaluated. */
  dense: DenseSide | undefined;
}

/** Options for {@link prepareEval}. */
export interface PrepareOptions {
  /** Project root (holds `public/`). */
  root: string;
  /** The model to embed with, or `undefined` for none (lexical mode). */
  model: ModelEntry | undefined;
  /** Hub mirror for hub models. */
  hub?: string;
  /** Receives progress and timing lines. */
  log: (line: string) => void;
}

const since = (start: number): string => `${Math.round(performance.now() - start)} ms`;

/**
 * Ingests the corpus and, given a model, loads it and embeds every passage, logging how long each step took.
 *
 * @example
 * const setup = await prepareEval({ root, model: findModel('fixture'), log: console.error });
 */
export async function prepareEval({ root, model, hub, log }: PrepareOptions): Promise<EvalSetup> {
  let start = performance.now();
  const library = await loadCorpusLibrary(root);
  const passages = library.allPassages();
  log(`ingest: ${library.allDocuments().length} documents, ${passages.length} passages in ${since(start)}`);
  if (!model) return { library, dense: undefined };
  start = performance.now();
  const embedder = await loadNodeEmbedder(model, join(root, 'public/models/'), hub);
  log(`model: ${model.id} (${wasmDtype(model)}, cpu) loaded in ${since(start)}`);
  start = performance.now();
  const dense = await embedLibrary(model, embedder, passages);
  const seconds = (performance.now() - start) / 1000;
  log(`embed: ${passages.length} passages in ${since(start)} (${(passages.length / seconds).toFixed(1)}/s)`);
  return { library, dense };
}
