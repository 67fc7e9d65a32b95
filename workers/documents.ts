/**
 * Document operations: add user files, delete or hide a document, show hidden bundled articles again.
 * They run in the engine's queue and keep database, library, keyword index and vector matrix in step.
 */
import { BROWSER_PDF_ASSETS, ingestFile } from '../src/extract';
import { fileRefusal } from '../src/extract/refusal';
import type { AddFileResult, FileInput } from '../src/shared/protocol';
import { deleteDocument, setDocumentHidden, StorageFullError } from '../src/storage';
import type { DatabaseConnection } from './database';
import type { EngineDeps } from './engine-deps';
import { embedPassages } from './indexer';
import type { LibraryStore } from './library-store';
import type { EngineSession } from './session';
import { storeIngestedDocument } from './store-document';

/** What document operations work on. */
export interface DocumentContext {
  /** The database connection. */
  connection: DatabaseConnection;
  /** The library in memory. */
  store: LibraryStore;
  /** Model, matrix and change events. */
  session: EngineSession;
  /** Status sink. */
  emit: EngineDeps['emit'];
}

/**
 * Adds one file: ingest, store, add to the library, embed when the index is ready. If embedding fails,
 * the document stays stored and keyword-searchable, and the result says its vectors are pending (the next
 * start embeds them).
 */
export async function addFile(context: DocumentContext, file: FileInput): Promise<AddFileResult> {
  const { connection, store, session, emit } = context;
  const bytes = new Uint8Array(file.bytes);
  let ingested;
  try {
    ingested = await ingestFile({ bytes, source: file.name }, await store.tokenCounter(), BROWSER_PDF_ASSETS);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { name: file.name, ok: false, message, refusal: fileRefusal(error, file.name) };
  }
  const { document, passages } = ingested;
  const added = { name: file.name, ok: true as const, docId: document.id, passages: passages.length };
  if (store.library.document(document.id)) return { ...added, duplicate: true };
  const db = await connection.get();
  store.library.add(
    await storeIngestedDocument(db, ingested, { size: bytes.byteLength, origin: 'user' }),
    passages,
  );
  const { model, matrix } = session;
  if (!model || !matrix || session.state.phase !== 'ready') return { ...added, duplicate: false };
  try {
    await embedPassages({
      db,
      modelId: model.model.id,
      embedder: model.embedder,
      passages,
      emit,
      onBatch: (ids, vectors) => matrix.append(ids, vectors),
    });
  } catch (error) {
    return {
      ...added,
      duplicate: false,
      vectorsPending: true,
      storageFull: error instanceof StorageFullError,
    };
  }
  return { ...added, duplicate: false };
}

/** Deletes a user document with its passages and vectors; a bundled article is hidden instead. */
export async function removeDocument(
  { connection, store, session }: DocumentContext,
  docId: string,
): Promise<void> {
  const doc = store.library.document(docId);
  if (!doc) return;
  const db = await connection.get();
  if (doc.origin === 'corpus') {
    await setDocumentHidden(db, docId, true);
    store.library.setHidden(docId, true);
    session.matrix?.remove(store.library.passagesOf(docId).map((passage) => passage.id));
  } else {
    await deleteDocument(db, docId);
    session.matrix?.remove(store.library.remove(docId));
    store.keywordIndexChanged();
  }
  store.emitCorpusReady(0);
  session.changed();
}

/** Shows every hidden bundled article again, with its vectors. */
export async function showHiddenArticles({ connection, store, session }: DocumentContext): Promise<void> {
  const db = await connection.get();
  const hidden = store.library.allDocuments().filter((doc) => doc.origin === 'corpus' && doc.hidden);
  for (const doc of hidden) {
    await setDocumentHidden(db, doc.id, false);
    store.library.setHidden(doc.id, false);
  }
  if (hidden.length > 0) await session.reloadMatrix();
  store.emitCorpusReady(0);
  session.changed();
}
