/**
 * Brings the bundled corpus into the database: fetches the manifest, and ingests each article that is
 * not stored yet (raw file → decode → clean → chunk), so a reload ingests nothing. An article that cannot be
 * fetched or whose bytes differ from the manifest's sha256 is refused by name; the others are kept.
 */
import { ingestDocument } from '../src/core/ingest';
import type { StatusEvent } from '../src/core/status/events';
import type { TokenCounter } from '../src/core/tokenize/bert-tokenizer';
import { listDocuments, type SearchDb } from '../src/storage';
import type { EngineDeps } from './engine-deps';
import { storeIngestedDocument } from './store-document';
import { SaidError } from './said-error';

interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

interface Manifest {
  files: ManifestFile[];
}

/** Why a bundled article was refused. */
export type RefusalReason = 'not-found' | 'hash-mismatch';

/**
 * Ingests the corpus articles missing from the database. Returns how many were added.
 *
 * @example
 * await syncCorpus(db, fetch, () => tokenCounter(), emit);
 */
export async function syncCorpus(
  db: SearchDb,
  fetchFile: EngineDeps['fetchFile'],
  tokenCounter: () => Promise<TokenCounter>,
  emit: (event: StatusEvent) => void,
): Promise<number> {
  const response = await fetchFile('/corpus/manifest.json');
  if (!response.ok) {
    const { status } = response;
    throw new SaidError(
      { code: 'corpus-unreadable', status },
      `The bundled corpus could not be read (HTTP ${status}).`,
    );
  }
  const manifest = (await response.json()) as Manifest;
  const stored = new Set(
    (await listDocuments(db)).filter((doc) => doc.origin === 'corpus').map((doc) => doc.source),
  );
  let added = 0;
  for (const file of manifest.files) {
    if (stored.has(file.name)) continue;
    const fetched = await fetchArticle(fetchFile, file);
    if (typeof fetched === 'string') {
      emit({ type: 'corpus-file-refused', file: file.name, reason: fetched });
      continue;
    }
    const ingested = await ingestDocument({ bytes: fetched, source: file.name }, await tokenCounter());
    await storeIngestedDocument(db, ingested, { size: fetched.byteLength, origin: 'corpus' });
    added += 1;
  }
  return added;
}

/** The article's bytes, or why they cannot be used. */
async function fetchArticle(
  fetchFile: EngineDeps['fetchFile'],
  file: ManifestFile,
): Promise<Uint8Array | RefusalReason> {
  const response = await fetchFile(`/corpus/${encodeURIComponent(file.name)}`);
  if (!response.ok) return 'not-found';
  const buffer = await response.arrayBuffer();
  return (await sha256Hex(buffer)) === file.sha256.toLowerCase() ? new Uint8Array(buffer) : 'hash-mismatch';
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
