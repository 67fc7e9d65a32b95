import { describe, expect, it } from 'vitest';
import { importedFolders, staleDocuments, type ImportedDocument } from '../../src/core/import-stale';

const doc = (id: string, source: string, origin: 'user' | 'corpus' = 'user'): ImportedDocument => ({
  id,
  source,
  origin,
});

describe('stale documents of a re-imported folder', () => {
  it('offers exactly the document whose file is gone from the folder', () => {
    const docs = [doc('a', 'notes/a.txt'), doc('b', 'notes/sub/b.txt'), doc('c', 'notes/c.txt')];
    const files = [
      { path: 'notes/a.txt', docId: 'a' },
      { path: 'notes/c.txt', docId: 'c' },
    ];
    expect(staleDocuments(docs, files).map((d) => d.source)).toEqual(['notes/sub/b.txt']);
  });

  it('offers the old version of a file whose content changed', () => {
    const docs = [doc('old', 'notes/a.txt'), doc('new', 'notes/a.txt')];
    expect(staleDocuments(docs, [{ path: 'notes/a.txt', docId: 'new' }]).map((d) => d.id)).toEqual(['old']);
  });

  it('keeps a document whose content is still in the folder under another name', () => {
    const docs = [doc('same', 'notes/renamed-from.txt')];
    expect(staleDocuments(docs, [{ path: 'notes/renamed-to.txt', docId: 'same' }])).toEqual([]);
  });

  it('keeps the document of a file refused or unreadable this time: the file is still there', () => {
    const docs = [doc('a', 'notes/a.pdf')];
    expect(staleDocuments(docs, [{ path: 'notes/a.pdf' }])).toEqual([]);
  });

  it('looks only inside the imported folders, at user documents', () => {
    const docs = [
      doc('x', 'other/x.txt'),
      doc('y', 'loose.txt'),
      doc('z', 'notes-2/z.txt'),
      doc('bundled', 'notes/article.txt', 'corpus'),
    ];
    expect(staleDocuments(docs, [{ path: 'notes/a.txt', docId: 'a' }])).toEqual([]);
  });

  it('offers nothing for files picked one by one', () => {
    expect(staleDocuments([doc('y', 'loose.txt')], [{ path: 'other.txt', docId: 'o' }])).toEqual([]);
  });

  it('finds the top folders of paths', () => {
    expect(importedFolders(['notes/a.pdf', 'notes/b/c.txt', 'loose.txt', 'x/y.md'])).toEqual(
      new Set(['notes', 'x']),
    );
  });
});
