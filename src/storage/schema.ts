/**
 * The IndexedDB schema: store names, keys, indexes and record types.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { KeywordSnapshotHead, KeywordTermPart } from '../core/search/keyword-snapshot';
import type { IndexMeta, Passage, StoredDocument } from '../core/types';

/** Default database name. */
export const DB_NAME = 'semantic-search';

/** Current schema version: the number of migrations in `migrations.ts`. */
export const DB_VERSION = 5;

/** What batch and pack records of the `vectors` store share. */
interface VectorRecordHead {
  /** Embedding model id. */
  modelId: string;
  /** The (first) document of the rows; with modelId and firstIndex, the record's key. */
  docId: string;
  /** A batch: smallest passage index in it. A pack: {@link PACK_INDEX}. */
  firstIndex: number;
  /** Passage ids, one per row of `codes`. */
  passageIds: string[];
  /** `[modelId, docId]` of each document with rows here, in row order (index `by-model-doc`, multi-entry). */
  docKeys: [modelId: string, docId: string][];
  /** How many consecutive rows each entry of `docKeys` has. */
  docRows: number[];
  /** Components per vector. */
  dims: number;
  /** `passageIds.length` float32 scales (platform byte order): row r is `scales[r] * codes[r * dims + i]`. */
  scales: ArrayBuffer;
}

/**
 * A batch of vectors, as the indexer writes them: rows of one document (`firstIndex` ≥ 0), as int8 codes with
 * one scale per row (about 516 bytes per 512-d vector, a quarter of float32; `quantizeInt8`). Since version 3.
 */
export interface VectorBatchRecord extends VectorRecordHead {
  /** `passageIds.length * dims` int8 codes, row-major. */
  codes: ArrayBuffer;
}

/**
 * A pack (`firstIndex` {@link PACK_INDEX}): whole documents, up to tens of thousands of rows, in canonical
 * order, which `readVectors` folds batches into so that a model loads from a few large records. Its codes are
 * a Blob, which IndexedDB reads several times faster than an ArrayBuffer of the same bytes, and which can be
 * cut and joined (`Blob.slice`) without reading it, inside a transaction. Since version 5 (before: codes as an
 * ArrayBuffer, no sums).
 */
export interface VectorPackRecord extends VectorRecordHead {
  /** `passageIds.length * dims` int8 codes, row-major. */
  codes: Blob;
  /** `passageIds.length` int32 Σ|codes| of each row (`codeL1Sums`), so a load need not recompute them. */
  codeL1: ArrayBuffer;
}

/** A record of the `vectors` store: a batch or a pack. */
export type VectorRecord = VectorBatchRecord | VectorPackRecord;

/** `firstIndex` of a pack record (passage indices of batches are ≥ 0). */
export const PACK_INDEX = -1;

/** A keyword (BM25) index saved as one JSON string: the `keyword` store of versions 2 and 3. */
export interface KeywordIndexRecord {
  /** Index name, e.g. the tokenizer it was built with. */
  name: string;
  /** The index as JSON text. */
  json: string;
}

/** A stored run of terms (`KeywordTermPart`) with its slots and frequencies in one Blob, in that order. */
export interface StoredTermPart extends Pick<KeywordTermPart, 'terms' | 'termEnds' | 'counts'> {
  /** The part's slots (uint32) then frequencies (uint8). */
  postings: Blob;
}

/**
 * One record of a keyword index saved in parts (`keyword-snapshot.ts`): part 0 is the head, parts 1…n the
 * terms and postings. Since version 4 (records of an older keyword format are replaced at the next save).
 */
export type KeywordPartRecord = { name: string } & (
  { part: 0; head: KeywordSnapshotHead } | ({ part: number } & StoredTermPart)
);

/** The typed schema (idb `DBSchema`) of the search database. */
export interface SearchDbSchema extends DBSchema {
  documents: { key: string; value: StoredDocument };
  passages: { key: string; value: Passage; indexes: { 'by-doc': string } };
  vectors: {
    key: [modelId: string, docId: string, firstIndex: number];
    value: VectorRecord;
    indexes: { 'by-model': string; 'by-model-doc': [modelId: string, docId: string] };
  };
  meta: { key: string; value: IndexMeta };
  /** Versions 2 and 3 only (version 4 moves its record to `keywordParts`). */
  keyword: { key: string; value: KeywordIndexRecord };
  keywordParts: { key: [name: string, part: number]; value: KeywordPartRecord };
}

/** An open connection to the search database. */
export type SearchDb = IDBPDatabase<SearchDbSchema>;
