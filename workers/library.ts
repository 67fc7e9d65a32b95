/**
 * The worker's in-memory view of the stored documents and passages, with the keyword index over them.
 */
import { corpusHash } from '../src/core/index-plan';
import {
  addPassages,
  createKeywordIndex,
  loadKeywordIndex,
  removeDocument,
  searchKeyword,
  serializeKeywordIndex,
  type KeywordHit,
  type KeywordIndex,
} from '../src/core/search/keyword-index';
import type { Passage, StoredDocument } from '../src/core/types';
import { termContributions, type TermContribution } from '../src/core/inspect/keyword-terms';
import type { DocumentSummary } from '../src/shared/protocol';

/** A keyword index saved with the hash of the passages it covers. */
interface SavedKeywordIndex {
  signature: string;
  index: string;
}

/** Documents, passages and the keyword index, kept in step with the database. */
export class Library {
  private readonly documents = new Map<string, StoredDocument>();
  private readonly passages = new Map<string, Passage>();
  private keyword: KeywordIndex = createKeywordIndex();

  /**
   * Replaces the contents with what the database holds. A saved keyword index is used when it covers
   * exactly these passages; otherwise the index is rebuilt. Returns whether it was rebuilt.
   */
  load(documents: StoredDocument[], passages: Passage[], saved?: string): boolean {
    this.documents.clear();
    this.passages.clear();
    for (const doc of documents) this.documents.set(doc.id, doc);
    for (const passage of passages) this.passages.set(passage.id, passage);
    const restored = saved ? restoreKeywordIndex(saved, corpusHash(passages)) : undefined;
    this.keyword = restored ?? createKeywordIndex();
    if (!restored) addPassages(this.keyword, passages);
    return !restored;
  }

  /** The keyword index with the hash of the passages it covers, for {@link Library.load}. */
  saveKeywordIndex(): string {
    const saved: SavedKeywordIndex = {
      signature: corpusHash(this.allPassages()),
      index: serializeKeywordIndex(this.keyword),
    };
    return JSON.stringify(saved);
  }

  /** Adds a document and its passages. */
  add(doc: StoredDocument, passages: Passage[]): void {
    this.documents.set(doc.id, doc);
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

  /** A document by id. */
  document(docId: string): StoredDocument | undefined {
    return this.documents.get(docId);
  }

  /** A passage by id. */
  passage(id: string): Passage | undefined {
    return this.passages.get(id);
  }

  /** All documents. */
  allDocuments(): StoredDocument[] {
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
    return this.allPassages()
      .filter((passage) => passage.docId === docId)
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

function restoreKeywordIndex(saved: string, signature: string): KeywordIndex | undefined {
  try {
    const parsed = JSON.parse(saved) as Partial<SavedKeywordIndex>;
    return parsed.signature === signature && typeof parsed.index === 'string'
      ? loadKeywordIndex(parsed.index)
      : undefined;
  } catch {
    return undefined;
  }
}
