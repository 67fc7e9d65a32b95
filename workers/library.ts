/**
 * The worker's in-memory view of the stored documents and passages, with the keyword index over them.
 */
import {
  addPassages,
  createKeywordIndex,
  removeDocument,
  searchKeyword,
  type KeywordIndex,
} from '../src/core/search/keyword-index';
import type { Passage } from '../src/core/types';
import type { StoredDocument } from '../src/storage';

/** Documents, passages and the keyword index, kept in step with the database. */
export class Library {
  private readonly documents = new Map<string, StoredDocument>();
  private readonly passages = new Map<string, Passage>();
  private keyword: KeywordIndex = createKeywordIndex();

  /** Replaces the contents with what the database holds. */
  load(documents: StoredDocument[], passages: Passage[]): void {
    this.documents.clear();
    this.passages.clear();
    this.keyword = createKeywordIndex();
    for (const doc of documents) this.documents.set(doc.id, doc);
    this.addPassages(passages);
  }

  /** Adds a document and its passages. */
  add(doc: StoredDocument, passages: Passage[]): void {
    this.documents.set(doc.id, doc);
    this.addPassages(passages);
  }

  /** Removes a document; returns the ids of its passages. */
  remove(docId: string): string[] {
    const ids = this.passagesOf(docId).map((passage) => passage.id);
    for (const id of ids) this.passages.delete(id);
    this.documents.delete(docId);
    removeDocument(this.keyword, docId);
    return ids;
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
  searchKeyword(query: string, k: number): { id: string; score: number }[] {
    return searchKeyword(this.keyword, query, k);
  }

  private addPassages(passages: Passage[]): void {
    for (const passage of passages) this.passages.set(passage.id, passage);
    addPassages(this.keyword, passages);
  }
}
