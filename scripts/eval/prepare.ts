/**
 * Builds what the evaluation searches: the ingested corpus (bundled or BEIR) and, when the mode needs one,
 * the embedded index. Nothing is cached: every run ingests and embeds from scratch.
 */
import { join } from 'node:path';
import type { BeirDocument } from '../../src/core/metrics/beir';
import { wasmDtype } from '../../src/embed/precision';
import type { ModelEntry } from '../../src/embed/registry';
import type { Library } from '../../workers/library';
import type { DenseSide } from '../../workers/searcher';
import { loadBeirLibrary, loadCorpusLibrary } from './corpus';
import { embedLibrary, loadNodeEmbedder } from './dense';

/** What the evaluation searches. */
export interface EvalSetup {
  /** Documents, passages and the BM25 index. */
  library: Library;
  /** Milliseconds spent building the BM25 index. */
  keywordBuildMs: number;
  /** The model and every passage's vector; absent when only lexical search is evaluated. */
  dense: DenseSide | undefined;
}

/** Options for {@link prepareEval}. */
export interface PrepareOptions {
  /** Project root (holds `public/`). */
  root: string;
  /** The entries of a BEIR corpus to search instead of the bundled corpus. */
  beirCorpus?: readonly BeirDocument[];
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
export async function prepareEval(options: PrepareOptions): Promise<EvalSetup> {
  const { root, beirCorpus, model, hub, log } = options;
  let start = performance.now();
  const { library, keywordBuildMs } = beirCorpus
    ? await loadBeirLibrary(root, beirCorpus)
    : await loadCorpusLibrary(root);
  const passages = library.allPassages();
  log(`ingest: ${library.allDocuments().length} documents, ${passages.length} passages in ${since(start)}`);
  const saved = Buffer.byteLength(library.saveKeywordIndex());
  log(`keyword index: built in ${Math.round(keywordBuildMs)} ms, ${(saved / 1024).toFixed(1)} KiB saved`);
  if (!model) return { library, keywordBuildMs, dense: undefined };
  start = performance.now();
  const embedder = await loadNodeEmbedder(model, join(root, 'public/models/'), hub);
  log(`model: ${model.id} (${wasmDtype(model)}, cpu) loaded in ${since(start)}`);
  start = performance.now();
  const dense = await embedLibrary(model, embedder, passages);
  const seconds = (performance.now() - start) / 1000;
  log(`embed: ${passages.length} passages in ${since(start)} (${(passages.length / seconds).toFixed(1)}/s)`);
  return { library, keywordBuildMs, dense };
}
