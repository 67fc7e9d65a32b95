import { describe, expect, it } from 'vitest';
import {
  addPassages,
  createKeywordIndex,
  removeDocument,
  searchKeyword,
  type KeywordIndex,
} from '../../../src/core/search/keyword-index';
import {
  documentFingerprints,
  loadKeywordSnapshot,
  snapshotKeywordIndex,
  type KeywordSnapshot,
} from '../../../src/core/search/keyword-snapshot';
import { snapshotOfText, snapshotText } from '../../../src/core/search/keyword-snapshot-text';
import type { Passage, StoredDocument } from '../../../src/core/types';
import { Library } from '../../../workers/library';
import { documentOf, naiveCorpusPassages, passagesOf } from './corpus-fixture';

const QUERIES = ['北京AI相关社会融资', 'PP-OCRv5 参数规模', 'derivative models', '開源', 'Qwen', '下载量'];

/** What IndexedDB gives back: a structured clone. */
const stored = (snapshot: KeywordSnapshot): KeywordSnapshot => structuredClone(snapshot);

function indexOf(passages: readonly Passage[]): KeywordIndex {
  const index = createKeywordIndex();
  addPassages(index, passages);
  return index;
}

function documentsOf(passages: readonly Passage[]): StoredDocument[] {
  const ids = [...new Set(passages.map((passage) => passage.docId))];
  return ids.map((id) =>
    documentOf(
      id,
      passages.filter((passage) => passage.docId === id),
    ),
  );
}

const results = (library: Library) => QUERIES.map((query) => library.searchKeyword(query, 10));

describe('snapshotKeywordIndex / loadKeywordSnapshot', () => {
  const corpus = naiveCorpusPassages();

  it('stores the postings in parts and loads an index that answers every query the same', () => {
    const index = indexOf(corpus);
    removeDocument(index, corpus[0]!.docId);
    const snapshot = stored(snapshotKeywordIndex(index, documentFingerprints(corpus)));
    expect(snapshot.parts.length).toBe(1);
    expect(snapshot.head.ids).not.toContain(corpus[0]!.id);
    const loaded = loadKeywordSnapshot(snapshot);
    for (const query of QUERIES)
      expect(searchKeyword(loaded, query, 10)).toEqual(searchKeyword(index, query, 10));
    expect(removeDocument(loaded, corpus.at(-1)!.docId)).toBeGreaterThan(0);
  });

  it('refuses a snapshot with a part missing or of another version', () => {
    const snapshot = snapshotKeywordIndex(indexOf(corpus), documentFingerprints(corpus));
    expect(() => loadKeywordSnapshot({ ...snapshot, parts: snapshot.parts.slice(1) })).toThrow(
      `keyword-index: ${snapshot.parts.length - 1} of ${snapshot.parts.length} parts stored`,
    );
    expect(() => loadKeywordSnapshot({ ...snapshot, head: { ...snapshot.head, version: 2 } })).toThrow(
      'keyword-index: unsupported version 2 (expected 3)',
    );
  });

  it('refuses damaged parts: postings that do not add up, or slots past the last passage', () => {
    const snapshot = snapshotKeywordIndex(indexOf(corpus), documentFingerprints(corpus));
    const [part] = snapshot.parts;
    const cut = { ...part!, slots: part!.slots.subarray(1), frequencies: part!.frequencies.subarray(1) };
    expect(() => loadKeywordSnapshot({ ...snapshot, parts: [cut] })).toThrow('keyword-index: a damaged part');
    const slots = part!.slots.slice();
    slots[0] = snapshot.head.ids.length;
    expect(() => loadKeywordSnapshot({ ...snapshot, parts: [{ ...part!, slots }] })).toThrow(
      'keyword-index: a damaged part',
    );
  });

  it('cuts an index into parts of at most the postings asked for, a term never split, and loads them whole', () => {
    const index = indexOf(corpus);
    const snapshot = stored(snapshotKeywordIndex(index, new Map(), 100));
    expect(snapshot.parts.length).toBeGreaterThan(10);
    for (const part of snapshot.parts) {
      expect(part.termEnds).toHaveLength(part.counts.length);
      expect(part.slots.length <= 100 || part.counts.length === 1).toBe(true);
    }
    const total = snapshot.parts.reduce((sum, part) => sum + part.slots.length, 0);
    expect(total).toBe(index.postings.postingCount);
    const loaded = loadKeywordSnapshot(snapshot);
    for (const query of QUERIES)
      expect(searchKeyword(loaded, query, 10)).toEqual(searchKeyword(index, query, 10));
  });

  it('reads an index written as text (.ossindex files), and nothing else', () => {
    const index = indexOf(corpus);
    const snapshot = snapshotOfText(snapshotText(snapshotKeywordIndex(index, new Map()), corpus));
    expect(snapshot?.head.corpusSignature).toBeDefined();
    const loaded = loadKeywordSnapshot(snapshot!);
    for (const query of QUERIES)
      expect(searchKeyword(loaded, query, 10)).toEqual(searchKeyword(index, query, 10));
    expect(snapshotOfText('{')).toBeUndefined();
    expect(snapshotOfText('{"signature":"x","index":"{}"}')).toBeUndefined();
  });
});

describe('Library.load with a saved keyword index', () => {
  const corpus = naiveCorpusPassages();
  const extra = passagesOf('added-later', ['开源模型的下载量在去年增长了三倍。']);

  function savedLibrary(passages: readonly Passage[]): { library: Library; snapshot: KeywordSnapshot } {
    const library = new Library();
    library.load(documentsOf(passages), passages);
    return { library, snapshot: stored(library.keywordSnapshot()) };
  }

  it('uses a saved index that covers the stored passages, with the same results as a rebuild', () => {
    const { library, snapshot } = savedLibrary(corpus);
    const reloaded = new Library();
    expect(reloaded.load(documentsOf(corpus), corpus, snapshot)).toBe('saved');
    expect(results(reloaded)).toEqual(results(library));
  });

  it('patches a stale index: documents added, changed or removed since it was saved', () => {
    const { snapshot } = savedLibrary(corpus);
    const removed = corpus[0]!.docId;
    const changedDoc = corpus.at(-1)!.docId;
    const now = [
      ...corpus
        .filter((passage) => passage.docId !== removed)
        .map((passage) =>
          passage.docId === changedDoc ? { ...passage, text: `${passage.text} zqxjv` } : passage,
        ),
      ...extra,
    ];
    const patched = new Library();
    expect(patched.load(documentsOf(now), now, snapshot)).toBe('patched');
    const rebuilt = new Library();
    expect(rebuilt.load(documentsOf(now), now)).toBe('rebuilt');
    expect(patched.searchKeyword('下载量增长了三倍', 1)[0]?.id).toBe(extra[0]!.id);
    const changedHits = patched.searchKeyword('zqxjv', 1000);
    expect(changedHits.every((hit) => hit.id.startsWith(`${changedDoc}#`))).toBe(true);
    expect(changedHits).toHaveLength(corpus.filter((passage) => passage.docId === changedDoc).length);
    for (const query of QUERIES)
      expect(patched.searchKeyword(query, 50).some((hit) => hit.id.startsWith(`${removed}#`))).toBe(false);
    expect(
      new Set(
        results(patched)
          .flat()
          .map((hit) => hit.id),
      ),
    ).toEqual(
      new Set(
        results(rebuilt)
          .flat()
          .map((hit) => hit.id),
      ),
    );
  });

  it('uses an index read from a file when it covers the stored passages, and rebuilds it otherwise', () => {
    const { library } = savedLibrary(corpus);
    const legacy = snapshotOfText(library.saveKeywordIndex())!;
    const converted = new Library();
    expect(converted.load(documentsOf(corpus), corpus, legacy)).toBe('patched');
    expect(results(converted)).toEqual(results(library));
    const grown = [...corpus, ...extra];
    expect(new Library().load(documentsOf(grown), grown, legacy)).toBe('rebuilt');
  });

  it('keeps no document texts in memory', () => {
    const { library } = savedLibrary(corpus);
    const doc = library.document(corpus[0]!.docId);
    expect(doc).toBeDefined();
    expect(doc).not.toHaveProperty('text');
    expect(doc).not.toHaveProperty('raw');
    expect(library.passagesOf(corpus[0]!.docId).map((passage) => passage.id)).toEqual(
      corpus.filter((passage) => passage.docId === corpus[0]!.docId).map((passage) => passage.id),
    );
  });
});
