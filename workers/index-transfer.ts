/**
 * Export and import of the whole index (documents, passages, one model's vectors, keyword index), so a
 * device can search without embedding the corpus itself.
 */
import { corpusHash } from '../src/core/index-plan';
import { snapshotOfText } from '../src/core/search/keyword-snapshot-text';
import { decodeIndexFile, encodeIndexFile, IndexFileError } from '../src/core/index-file';
import type { Passage } from '../src/core/types';
import { groupRowsByDocument } from '../src/core/vector/by-document';
import { dequantizeInt8 } from '../src/core/vector/quantize';
import {
  listDocuments,
  putDocument,
  putIndexMeta,
  putKeywordSnapshot,
  putVectorBatch,
  readPassages,
  readVectors,
  type SearchDb,
} from '../src/storage';

/** App version written into exported files. */
const APP_VERSION = '0.1.0';

/**
 * Builds an index file from what is stored for a model.
 *
 * @example
 * const bytes = await exportIndex(db, 'fixture-small-zh', library.saveKeywordIndex());
 */
export async function exportIndex(db: SearchDb, modelId: string, keywordIndex: string): Promise<Uint8Array> {
  const [documents, passages, stored] = await Promise.all([
    listDocuments(db),
    readPassages(db),
    readVectors(db, modelId),
  ]);
  if (stored.passageIds.length === 0 || !stored.rows) {
    throw new IndexFileError({ reason: 'nothing-to-export', model: modelId });
  }
  const quantized = stored.rows.toQuantized();
  return encodeIndexFile({
    appVersion: APP_VERSION,
    createdAt: Date.now(),
    model: { id: modelId, dims: quantized.dims },
    documents,
    passages,
    keywordIndex,
    vectorIds: stored.passageIds,
    vectors: dequantizeInt8(quantized),
  });
}

/** What an import added. */
export interface ImportSummary {
  /** Documents imported. */
  documents: number;
  /** Passages imported. */
  passages: number;
}

/**
 * Stores an index file's contents for the model in use. Files made for another model are refused.
 *
 * @throws {IndexFileError} for a file that is not an index, is damaged, is too new, or is for another model.
 */
export async function importIndex(
  db: SearchDb,
  bytes: Uint8Array,
  model: { id: string; dims: number },
  keywordIndexName: string,
): Promise<ImportSummary> {
  const { id: modelId, dims } = model;
  const file = decodeIndexFile(bytes);
  if (file.model.id !== modelId || file.model.dims !== dims) {
    throw new IndexFileError({
      reason: 'other-model',
      fileModel: file.model.id,
      fileDims: file.model.dims,
      model: modelId,
    });
  }
  const passagesByDoc = new Map<string, Passage[]>();
  for (const passage of file.passages)
    passagesByDoc.set(passage.docId, [...(passagesByDoc.get(passage.docId) ?? []), passage]);
  for (const doc of file.documents) await putDocument(db, doc, passagesByDoc.get(doc.id) ?? []);
  for (const rows of groupRowsByDocument(file.vectorIds, file.vectors, dims))
    await putVectorBatch(db, { modelId, dims, ...rows });
  // Stored in parts; an index that is not of this version is left out (the library rebuilds it).
  const keywordIndex = snapshotOfText(file.keywordIndex);
  if (keywordIndex) await putKeywordSnapshot(db, keywordIndexName, keywordIndex);
  await putIndexMeta(db, {
    modelId,
    dims,
    corpusHash: corpusHash(file.passages),
    passageCount: file.passages.length,
    complete: true,
    updatedAt: Date.now(),
  });
  return { documents: file.documents.length, passages: file.passages.length };
}
