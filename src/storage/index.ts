/**
 * IndexedDB storage of documents, passages, vectors and index meta: schema, migrations and one small
 * function per job. Imports only `src/core` and `idb`.
 */
export type { IndexMeta, StoredDocument } from '../core/types';
export {
  DB_NAME,
  DB_VERSION,
  type KeywordIndexRecord,
  type KeywordPartRecord,
  type SearchDb,
  type SearchDbSchema,
  type VectorBatchRecord,
  type VectorPackRecord,
  type VectorRecord,
} from './schema';
export { migrate, migrations, type Migration, type UpgradeTransaction } from './migrations';
export { openDatabase, openSearchDb, type OpenSearchDbOptions } from './open';
export { isQuotaError, StorageFullError, withStorageErrors } from './errors';
export {
  deleteDocument,
  getDocument,
  listDocuments,
  putDocument,
  readPassages,
  setDocumentHidden,
} from './documents';
export {
  clearModelVectors,
  embeddedPassageIds,
  putVectorBatch,
  putVectorBatches,
  type VectorBatch,
} from './vectors';
export { readVectors, type StoredVectors } from './vector-read';
export { clearAll, getIndexMeta, getKeywordSnapshot, putIndexMeta, putKeywordSnapshot } from './meta';
