/** Shared fixtures for the storage tests: isolated fake IndexedDB databases and small documents. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openSearchDb, readVectors, type SearchDb, type StoredDocument } from '../../src/storage';
import type { Passage } from '../../src/core/types';
import { quantizeInt8, type QuantizedMatrix } from '../../src/core/vector';
import { addPassages, createKeywordIndex } from '../../src/core/search/keyword-index';
import {
  documentFingerprints,
  snapshotKeywordIndex,
  type KeywordSnapshot,
} from '../../src/core/search/keyword-snapshot';

/** A fresh database in its own in-memory IndexedDB, so tests never share state. */
export function freshDb(): Promise<SearchDb> {
  return openSearchDb({ factory: new IDBFactory() });
}

/** A stored document with `count` passages of 2 characters each. */
export function sampleDoc(id: string, count: number, origin: StoredDocument['origin'] = 'corpus') {
  const text = Array.from({ length: count }, (_, i) => `${id}${i}`.slice(-2)).join('');
  const doc: StoredDocument = {
    id,
    source: `${id}.txt`,
    title: `Title ${id}`,
    encoding: 'utf-8',
    text,
    report: [{ step: 'pinyin', count: 1, removed: ['（chūn）'] }],
    size: text.length * 3,
    origin,
    hidden: false,
    raw: `${text}（chūn）`,
    addedAt: 1_700_000_000_000,
  };
  const passages: Passage[] = Array.from({ length: count }, (_, index) => ({
    id: `${id}#${index}`,
    docId: id,
    index,
    text: text.slice(2 * index, 2 * index + 2),
    start: 2 * index,
    end: 2 * index + 2,
    tokens: 4,
  }));
  return { doc, passages };
}

/** A deterministic vector for a passage id, so any run that stores it stores the same floats. */
export function vectorOf(id: string, dims: number): Float32Array {
  let seed = 0;
  for (const char of id) seed = (seed * 31 + char.charCodeAt(0)) >>> 0;
  return Float32Array.from({ length: dims }, (_, i) => Math.sin(seed + i * 1.7));
}

/** Packed vectors of several passage ids. */
export function vectorsOf(ids: readonly string[], dims: number): Float32Array {
  const packed = new Float32Array(ids.length * dims);
  ids.forEach((id, row) => packed.set(vectorOf(id, dims), row * dims));
  return packed;
}

/** What reading {@link vectorsOf} back from storage gives: the same rows as int8 codes and row scales. */
export function storedVectorsOf(ids: readonly string[], dims: number): QuantizedMatrix {
  return quantizeInt8(vectorsOf(ids, dims), dims);
}

/**
 * What `readVectors` returns, with the rows copied out of WebAssembly memory as a {@link QuantizedMatrix}
 * (undefined without rows), for comparing with {@link storedVectorsOf}.
 */
export async function readStored(
  db: SearchDb,
  modelId: string,
): Promise<{ passageIds: string[]; quantized: QuantizedMatrix | undefined }> {
  const { passageIds, rows } = await readVectors(db, modelId);
  return { passageIds, quantized: rows?.toQuantized() };
}

/** The keyword index of `passages`, as stored in parts. */
export function keywordSnapshotOf(passages: readonly Passage[]): KeywordSnapshot {
  const index = createKeywordIndex();
  addPassages(index, passages);
  return snapshotKeywordIndex(index, documentFingerprints(passages));
}
