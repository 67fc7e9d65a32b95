/**
 * The bundled corpus as the app sees it: the files of `public/corpus/manifest.json`, ingested with the
 * app's `ingestDocument` and loaded into the worker's `Library` (documents, passages, BM25 index).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestDocument } from '../../src/core/ingest';
import { createTokenCounter } from '../../src/core/tokenize/bert-tokenizer';
import type { Passage, StoredDocument } from '../../src/core/types';
import { Library } from '../../workers/library';

interface Manifest {
  files: { name: string }[];
}

/**
 * Reads and ingests the bundled corpus under `root` (the project root) into a new library.
 *
 * @example
 * const library = await loadCorpusLibrary(ROOT);
 * library.allPassages().length; // 93
 */
export async function loadCorpusLibrary(root: string): Promise<Library> {
  const corpus = join(root, 'public/corpus');
  const manifest = JSON.parse(await readFile(join(corpus, 'manifest.json'), 'utf8')) as Manifest;
  const countTokens = createTokenCounter(
    await readFile(join(root, 'public/tokenizer/bert-base-chinese-vocab.txt'), 'utf8'),
  );
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
  const library = new Library();
  library.load(documents, passages);
  return library;
}
