/**
 * The keyword index as stored: a small head (document ids, field lengths, which passages each document
 * has and a fingerprint of each document's passages) and its terms in parts of {@link PART_TERMS}, so no
 * single string or record grows with the corpus (the whole index as one JSON string passes V8's maximum
 * string length near 200,000 passages). A snapshot found stale for some documents is patched, not rebuilt.
 */
import type { AsPlainObject } from 'minisearch';
import { corpusHash } from '../index-plan';
import type { Passage } from '../types';
import {
  KEYWORD_INDEX_FORMAT,
  KEYWORD_INDEX_VERSION,
  parseKeywordIndex,
  restoreKeywordIndex,
  serializeKeywordIndex,
  type KeywordIndex,
  type SerializedKeywordIndex,
} from './keyword-index';

/** Terms per stored part (a few hundred kilobytes of postings each). */
export const PART_TERMS = 4096;

/**
 * One part of a snapshot's terms: the JSON text of up to {@link PART_TERMS} of MiniSearch's
 * `[term, postings by field]` pairs. JSON text, not the objects: `JSON.parse` restores them faster than
 * IndexedDB's structured clone does (Node, 10,000 passages: 7.2 s against 9.6 s to load, `loadJS` included).
 */
export type KeywordTermPart = string;

/** Everything of a snapshot but its terms. */
export interface KeywordSnapshotHead extends Omit<SerializedKeywordIndex, 'miniSearch'> {
  /** MiniSearch's document ids, field lengths and counts (its plain object without `index`). */
  miniSearch: Omit<AsPlainObject, 'index'>;
  /** {@link documentFingerprints} of the passages indexed, per document id. */
  fingerprints: Record<string, string>;
  /**
   * Index saved as one string by an older version: the hash of all the passages it covered (it has no
   * fingerprints), so it is used only when the stored passages are exactly those.
   */
  corpusSignature?: string;
  /** How many term parts follow the head. */
  parts: number;
}

/** A keyword index as stored: its head and its term parts in order. */
export interface KeywordSnapshot {
  /** The head. */
  head: KeywordSnapshotHead;
  /** `head.parts` term parts. */
  parts: KeywordTermPart[];
}

/**
 * A fingerprint of each document's passages (ids and texts), to tell which documents a saved index no
 * longer describes.
 *
 * @example
 * documentFingerprints(passages).get('doc-1'); // '1b3f09c2d4e5a'
 */
export function documentFingerprints(passages: readonly Passage[]): Map<string, string> {
  const byDoc = new Map<string, Passage[]>();
  for (const passage of passages) {
    const own = byDoc.get(passage.docId);
    if (own) own.push(passage);
    else byDoc.set(passage.docId, [passage]);
  }
  return new Map(Array.from(byDoc, ([docId, own]) => [docId, corpusHash(own)]));
}

function split(serialized: SerializedKeywordIndex): KeywordSnapshot {
  const { index, ...miniSearch } = serialized.miniSearch;
  const parts: KeywordTermPart[] = [];
  for (let first = 0; first < index.length; first += PART_TERMS)
    parts.push(JSON.stringify(index.slice(first, first + PART_TERMS)));
  return {
    head: { ...serialized, miniSearch, fingerprints: {}, parts: parts.length },
    parts,
  };
}

/**
 * The index in parts, with the fingerprints of the passages it covers ({@link documentFingerprints}).
 * No string holds the whole index: each part is its own JSON text.
 *
 * @example
 * await putKeywordSnapshot(db, 'passages', snapshotKeywordIndex(index, documentFingerprints(passages)));
 */
export function snapshotKeywordIndex(
  index: KeywordIndex,
  fingerprints: ReadonlyMap<string, string>,
): KeywordSnapshot {
  const snapshot = split({
    format: KEYWORD_INDEX_FORMAT,
    version: KEYWORD_INDEX_VERSION,
    passagesByDoc: Object.fromEntries(Array.from(index.passagesByDoc, ([docId, ids]) => [docId, [...ids]])),
    miniSearch: index.search.toJSON(),
  });
  snapshot.head.fingerprints = Object.fromEntries(fingerprints);
  return snapshot;
}

/**
 * Loads a snapshot. Throws `keyword-index: ...` errors for another version or missing parts (rebuild
 * from the passages then).
 *
 * @example
 * const index = loadKeywordSnapshot(await getKeywordSnapshot(db, 'passages'));
 */
export function loadKeywordSnapshot({ head, parts }: KeywordSnapshot): KeywordIndex {
  if (parts.length !== head.parts) {
    throw new Error(`keyword-index: ${parts.length} of ${head.parts} parts stored`);
  }
  const index = parts.flatMap((part) => JSON.parse(part) as AsPlainObject['index']);
  return restoreKeywordIndex({ ...head, miniSearch: { ...head.miniSearch, index } });
}

/** What an index saved as one string (versions up to 3 of the database, and `.ossindex` files) holds. */
interface SavedKeywordIndex {
  /** `corpusHash` of the passages indexed. */
  signature: string;
  /** `serializeKeywordIndex` output. */
  index: string;
}

/**
 * An index saved as one string (by the database up to version 3, or in an `.ossindex` file) as a
 * snapshot, or `undefined` if it is not one of this version.
 *
 * @example
 * const snapshot = snapshotOfSaved(file.keywordIndex);
 */
export function snapshotOfSaved(saved: string): KeywordSnapshot | undefined {
  try {
    const { signature, index } = JSON.parse(saved) as Partial<SavedKeywordIndex>;
    if (typeof signature !== 'string' || typeof index !== 'string') return undefined;
    const snapshot = split(parseKeywordIndex(index));
    snapshot.head.corpusSignature = signature;
    return snapshot;
  } catch {
    return undefined;
  }
}

/**
 * The index as one string with the hash of its passages, for an `.ossindex` file (read back with
 * {@link snapshotOfSaved}).
 *
 * @example
 * encodeIndexFile({ ...contents, keywordIndex: savedKeywordIndex(index, passages) });
 */
export function savedKeywordIndex(index: KeywordIndex, passages: readonly Passage[]): string {
  const saved: SavedKeywordIndex = { signature: corpusHash(passages), index: serializeKeywordIndex(index) };
  return JSON.stringify(saved);
}
