/**
 * The searched corpus as the app sees it, loaded into the worker's `Library` (documents, passages, BM25
 * index): the bundled articles of `public/corpus/manifest.json` ingested with the app's `ingestDocument`,
 * or the entries of a BEIR corpus, each one document chunked with the app's `chunkText`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chunkText } from '../../src/core/chunk/chunk';
import { ingestDocument } from '../../src/core/ingest';
import type { BeirDocument } from '../../src/core/metrics/beir';
import { createTokenCounter, type TokenCounter } from '../../src/core/tokenize/bert-tokenizer';
import type { Passage, StoredDocument } from '../../src/core/types';
import { Library } from '../../workers/library';

interface Manifest {
  files: { name: string }[];
}

/** A loaded library and how long building its keyword index took. */
export interface LoadedLibrary {
  library: Library;
  /** Milliseconds `Library.load` spent (almost all of it indexing the passages for BM25). */
  keywordBuildMs: number;
}

async function readTokenCounter(root: string): Promise<TokenCounter> {
  return createTokenCounter(
    await readFile(join(root, 'public/tokenizer/bert-base-chinese-vocab.txt'), 'utf8'),
  );
}

function timedLibrary(documents: StoredDocument[], passages: Passage[]): LoadedLibrary {
  const library = new Library();
  const start = performance.now();
  library.load(documents, passages);
  return { library, keywordBuildMs: performance.now() - start };
}

/**
 * Reads and ingests the bundled corpus under `root` (the project root) into a new library.
 *
 * @example
 * const { library } = await loadCorpusLibrary(ROOT);
 * library.allPassages().length; // 93
 */
export async function loadCorpusLibrary(root: string): Promise<LoadedLibrary> {
  const corpus = join(root, 'public/corpus');
  const manifest = JSON.parse(await readFile(join(corpus, 'manifest.json'), 'utf8')) as Manifest;
  const countTokens = await readTokenCounter(root);
  const documents: StoredDocument[] = [];
  const passages: Passage[] = [];
  for (const { name } of manifest.files) {
    const bytes = new Uint8Array(await readFile(join(corpus, name)));
    const ingested = await ingestDocument({ bytes, source: name }, countTokens);
    documents.push({
      ...ingested.document,
      size: bytes.byteLength,
      origin: 'corpus',
      hidden: false,
      raw: ingested.raw,
      addedAt: 0,
    });
    passages.push(...ingested.passages);
  }
  return timedLibrary(documents, passages);
}

/**
 * Loads BEIR corpus entries into a new library: each entry is a document whose id and source are its
 * `_id` and whose text is its title (if any) and text, chunked as the app chunks. There is no cleaning:
 * BEIR text is already clean, and the web-page cleaning could drop parts of it.
 *
 * @example
 * const { library } = await loadBeirLibrary(ROOT, set.corpus);
 */
export async function loadBeirLibrary(
  root: string,
  entries: readonly BeirDocument[],
): Promise<LoadedLibrary> {
  const countTokens = await readTokenCounter(root);
  const documents: StoredDocument[] = [];
  const passages: Passage[] = [];
  for (const entry of entries) {
    const text = entry.title === '' ? entry.text : `${entry.title}\n${entry.text}`;
    documents.push({
      id: entry.id,
      source: entry.id,
      title: entry.title,
      encoding: 'utf-8',
      text,
      report: [],
      size: Buffer.byteLength(text),
      origin: 'user',
      hidden: false,
      raw: text,
      addedAt: 0,
    });
    chunkText(text, countTokens).forEach((chunk, index) =>
      passages.push({ ...chunk, id: `${entry.id}#${index}`, docId: entry.id, index }),
    );
  }
  return timedLibrary(documents, passages);
}
