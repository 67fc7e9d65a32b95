/**
 * Brings the bundled corpus into the database: fetches the manifest, and ingests each article that is
 * not stored yet (raw file → decode → clean → chunk), so a reload ingests nothing.
 */
import { ingestDocument } from '../src/core/ingest';
import type { TokenCounter } from '../src/core/tokenize/bert-tokenizer';
import { listDocuments, putDocument, type SearchDb } from '../src/storage';

interface Manifest {
  files: { name: string; bytes: number; sha256: string }[];
}

/**
 * Ingests the corpus articles missing from the database. Returns how many were added.
 *
 * @example
 * await syncCorpus(db, () => tokenCounter());
 */
export async function syncCorpus(db: SearchDb, tokenCounter: () => Promise<TokenCounter>): Promise<number> {
  const response = await fetch('/corpus/manifest.json');
  if (!response.ok) throw new Error(`The bundled corpus could not be read (HTTP ${response.status}).`);
  const manifest = (await response.json()) as Manifest;
  const stored = new Set(
    (await listDocuments(db)).filter((doc) => doc.origin === 'corpus').map((doc) => doc.source),
  );
  let added = 0;
  for (const file of manifest.files) {
    if (stored.has(file.name)) continue;
    const bytes = new Uint8Array(
      await (await fetch(`/corpus/${encodeURIComponent(file.name)}`)).arrayBuffer(),
    );
    const { document, passages, raw } = await ingestDocument(
      { bytes, source: file.name },
      await tokenCounter(),
    );
    await putDocument(
      db,
      { ...document, size: bytes.byteLength, origin: 'corpus', hidden: false, raw, addedAt: Date.now() },
      passages,
    );
    added += 1;
  }
  return added;
}
