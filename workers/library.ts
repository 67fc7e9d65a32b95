/**
 * The worker's in-memory view of the stored documents and passages, with the keyword index over them.
 */
import { corpusHash } from '../src/core/index-plan';
import {
  addPassages,
  createKeywordIndex,
  removeDocument,
  searchKeyword,
  type KeywordHit,
  type KeywordIndex,
} from '../src/core/search/keyword-index';
import {
  documentFingerprints,
  loadKeywordSnapshot,
  snapshotKeywordIndex,
  type KeywordSnapshot,
} from '../src/core/search/keyword-snapshot';
import { snapshotText } from '../src/core/search/keyword-snapshot-text';
import type { Passage, StoredDocument } from '../src/core/types';
import { termContributions, type TermContribution } from '../src/core/inspect/keyword-terms';
import type { DocumentSummary } from '../src/shared/protocol';

/**
 * A document as the library keeps it in memory: without its original and cleaned texts, which only
 * "Show in context" needs (read them with `getDocument`); the passages hold the text search needs.
 */
export type LibraryDocument = Omit<StoredDocument, 'raw' | 'text'>;

/**
 * Where {@link Library.load} got the keyword index: the saved one as it was (`saved`); the saved one
 * brought up to date with the documents added, changed or removed since it was saved (`patched`: save it
 * again); or built from the passages, there being no usable saved index (`rebuilt`).
 */
export type KeywordIndexSource = 'saved' | 'patched' | 'rebuilt';

/** Documents, passages and the keyword index, kept in step with the database. */
export class Library {
  private readonly documents = new Map<string, LibraryDocument>();
  private readonly passages = new Map<string, Passage>();
  private keyword: KeywordIndex = createKeywordIndex();

  /**
   * Replaces the contents with what the database holds. A saved keyword index is used for the documents
   * whose passages it describes; the others are indexed (or dropped from it) now.
   */
  load(
    documents: readonly StoredDocument[],
    passages: readonly Passage[],
    saved?: KeywordSnapshot,
  ): KeywordIndexSource {
    this.documents.clear();
    this.passages.clear();
    for (const doc of documents) this.documents.set(doc.id, withoutTexts(doc));
    for (const passage of passages) this.passages.set(passage.id, passage);
    const restored = saved && restore(saved, passages);
    this.keyword = restored ?? createKeywordIndex();
    if (!restored) {
      addPassages(this.keyword, passages);
      return 'rebuilt';
    }
    if (saved.head.corpusSignature !== undefined) return 'patched';
    return patch(this.keyword, saved.head.fingerprints, passages) ? 'patched' : 'saved';
  }

  /** The keyword index in parts, with the fingerprints of the passages it covers, for {@link Library.load}. */
  keywordSnapshot(): KeywordSnapshot {
    return snapshotKeywordIndex(this.keyword, documentFingerprints(this.allPassages()));
  }

  /** The keyword index as one string, for an `.ossindex` file. */
  saveKeywordIndex(): string {
    return snapshotText(snapshotKeywordIndex(this.keyword, new Map()), this.allPassages());
  }

  /** Adds a document and its passages. */
  add(doc: StoredDocument, passages: Passage[]): void {
    this.documents.set(doc.id, withoutTexts(doc));
    for (const passage of passages) this.passages.set(passage.id, passage);
    addPassages(this.keyword, passages);
  }

  /** Removes a document; returns the ids of its passages. */
  remove(docId: string): string[] {
    const ids = this.passagesOf(docId).map((passage) => passage.id);
    for (const id of ids) this.passages.delete(id);
    this.documents.delete(docId);
    removeDocument(this.keyword, docId);
    return ids;
  }

  /** Marks a document hidden or visible. */
  setHidden(docId: string, hidden: boolean): void {
    const doc = this.documents.get(docId);
    if (doc) this.documents.set(docId, { ...doc, hidden });
  }

  /** Whether a passage exists and its document is not hidden. */
  isSearchable(passageId: string): boolean {
    const passage = this.passages.get(passageId);
    return passage !== undefined && this.documents.get(passage.docId)?.hidden === false;
  }

  /** Ids of the passages of hidden documents, which dense search leaves out before ranking. */
  hiddenPassageIds(): string[] {
    return this.allDocuments()
      .filter((doc) => doc.hidden)
      .flatMap((doc) => this.passagesOf(doc.id).map((passage) => passage.id));
  }

  /** A document by id (without its texts). */
  document(docId: string): LibraryDocument | undefined {
    return this.documents.get(docId);
  }

  /** A passage by id. */
  passage(id: string): Passage | undefined {
    return this.passages.get(id);
  }

  /** All documents (without their texts). */
  allDocuments(): LibraryDocument[] {
    return [...this.documents.values()];
  }

  /** Every document as the documents panel lists it. */
  summaries(): DocumentSummary[] {
    return this.allDocuments().map((doc) => ({
      id: doc.id,
      source: doc.source,
      title: doc.title,
      encoding: doc.encoding,
      pages: doc.pages?.length,
      size: doc.size,
      origin: doc.origin,
      passages: this.passagesOf(doc.id).length,
      report: doc.report,
      hidden: doc.hidden,
    }));
  }

  /** All passages. */
  allPassages(): Passage[] {
    return [...this.passages.values()];
  }

  /** Passages of one document in order. */
  passagesOf(docId: string): Passage[] {
    const ids = this.keyword.passagesByDoc.get(docId) ?? [];
    return Array.from(ids, (id) => this.passages.get(id))
      .filter((passage) => passage !== undefined)
      .sort((a, b) => a.index - b.index);
  }

  /** BM25 ranking of passages for a query. */
  searchKeyword(query: string, k: number): KeywordHit[] {
    return searchKeyword(this.keyword, query, k);
  }

  /** Each query term's BM25 contribution to the given passages (for the inspector). */
  keywordTermContributions(query: string, ids: readonly string[]): TermContribution[] {
    return termContributions(this.keyword, query, ids);
  }
}

function withoutTexts(doc: StoredDocument): LibraryDocument {
  const { raw: _raw, text: _text, ...rest } = doc;
  return rest;
}

/**
 * The saved index, if it is of this version and complete. One saved as a single string by an older
 * version has no fingerprints: it is used only if it covers exactly `passages`.
 */
function restore(saved: KeywordSnapshot, passages: readonly Passage[]): KeywordIndex | undefined {
  const { corpusSignature } = saved.head;
  if (corpusSignature !== undefined && corpusSignature !== corpusHash(passages)) return undefined;
  try {
    return loadKeywordSnapshot(saved);
  } catch {
    return undefined;
  }
}

/**
 * Brings a saved index up to date with `passages`: drops the documents whose passages changed or are gone,
 * and indexes the documents it lacks. Returns whether anything changed.
 */
function patch(index: KeywordIndex, saved: Record<string, string>, passages: readonly Passage[]): boolean {
  const current = documentFingerprints(passages);
  const stale = [...index.passagesByDoc.keys()].filter((docId) => current.get(docId) !== saved[docId]);
  for (const docId of stale) removeDocument(index, docId);
  const missing = passages.filter((passage) => !index.passagesByDoc.has(passage.docId));
  addPassages(index, missing);
  return stale.length > 0 || missing.length > 0;
}
