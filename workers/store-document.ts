/**
 * Storing one ingested document: the one place that turns an ingested file into the stored record, used by
 * the bundled-corpus sync and by files the user adds.
 */
import type { IngestedDocument } from '../src/core/ingest';
import type { DocumentOrigin, StoredDocument } from '../src/core/types';
import { putDocument, type SearchDb } from '../src/storage';

/**
 * Stores a document with its passages (visible, added now) and returns the stored record.
 *
 * @example
 * const stored = await storeIngestedDocument(db, await ingestDocument({ bytes, source }, counter), { size: bytes.byteLength, origin: 'user' });
 */
export async function storeIngestedDocument(
  db: SearchDb,
  ingested: IngestedDocument,
  file: { size: number; origin: DocumentOrigin },
): Promise<StoredDocument> {
  const stored: StoredDocument = {
    ...ingested.document,
    size: file.size,
    origin: file.origin,
    hidden: false,
    raw: ingested.raw,
    addedAt: Date.now(),
  };
  await putDocument(db, stored, ingested.passages);
  return stored;
}
