import { describe, expect, it } from 'vitest';
import {
  deleteDocument,
  embeddedPassageIds,
  getDocument,
  listDocuments,
  putDocument,
  putVectorBatch,
  readPassages,
  setDocumentHidden,
} from '../../src/storage';
import { freshDb, readStored, sampleDoc, storedVectorsOf, vectorsOf } from './helpers';

describe('documents and passages', () => {
  it('round-trips a document with its passages', async () => {
    const db = await freshDb();
    const { doc, passages } = sampleDoc('a', 3);
    expect(await putDocument(db, doc, passages)).toEqual({ vectorsDropped: false });
    expect(await listDocuments(db)).toEqual([doc]);
    expect(await getDocument(db, 'a')).toEqual(doc);
    expect(await readPassages(db)).toEqual(passages);
  });

  it('reads passages ordered by document id, then numeric index', async () => {
    const db = await freshDb();
    const b = sampleDoc('b', 12);
    const a = sampleDoc('a', 2);
    await putDocument(db, b.doc, [...b.passages].reverse());
    await putDocument(db, a.doc, a.passages);
    expect((await readPassages(db)).map((p) => p.id)).toEqual(
      [...a.passages, ...b.passages].map((p) => p.id),
    );
  });

  it('rejects passages of another document', async () => {
    const db = await freshDb();
    const { doc } = sampleDoc('a', 1);
    const { passages } = sampleDoc('b', 1);
    await expect(putDocument(db, doc, passages)).rejects.toThrow('storage: passage b#0 belongs to b, not a');
    expect(await listDocuments(db)).toEqual([]);
  });

  it('deletes a document with its passages and its vectors for every model', async () => {
    const db = await freshDb();
    const a = sampleDoc('a', 2);
    const b = sampleDoc('b', 2);
    await putDocument(db, a.doc, a.passages);
    await putDocument(db, b.doc, b.passages);
    for (const modelId of ['m1', 'm2']) {
      for (const { doc, passages } of [a, b]) {
        const passageIds = passages.map((p) => p.id);
        await putVectorBatch(db, {
          modelId,
          docId: doc.id,
          firstIndex: 0,
          passageIds,
          dims: 4,
          data: vectorsOf(passageIds, 4),
        });
      }
    }
    await deleteDocument(db, 'a');
    expect((await listDocuments(db)).map((d) => d.id)).toEqual(['b']);
    expect((await readPassages(db)).map((p) => p.id)).toEqual(['b#0', 'b#1']);
    for (const modelId of ['m1', 'm2']) {
      expect(await embeddedPassageIds(db, modelId)).toEqual(new Set(['b#0', 'b#1']));
      expect((await readStored(db, modelId)).quantized).toEqual(storedVectorsOf(['b#0', 'b#1'], 4));
    }
  });

  it('keeps vectors when a document is stored again unchanged, drops them when its passages change', async () => {
    const db = await freshDb();
    const { doc, passages } = sampleDoc('a', 3);
    const passageIds = passages.map((p) => p.id);
    await putDocument(db, doc, passages);
    await putVectorBatch(db, {
      modelId: 'm',
      docId: 'a',
      firstIndex: 0,
      passageIds,
      dims: 2,
      data: vectorsOf(passageIds, 2),
    });

    expect(await putDocument(db, { ...doc, hidden: true }, passages)).toEqual({ vectorsDropped: false });
    expect((await readStored(db, 'm')).passageIds).toEqual(passageIds);
    expect((await getDocument(db, 'a'))?.hidden).toBe(true);

    const rechunked = [{ ...passages[0]!, text: 'x', end: 1 }];
    expect(await putDocument(db, doc, rechunked)).toEqual({ vectorsDropped: true });
    expect(await readPassages(db)).toEqual(rechunked);
    expect(await embeddedPassageIds(db, 'm')).toEqual(new Set());
  });

  it('hides a document and shows it again without touching its passages or vectors', async () => {
    const db = await freshDb();
    const { doc, passages } = sampleDoc('a', 2);
    await putDocument(db, doc, passages);
    await putVectorBatch(db, {
      modelId: 'm',
      docId: 'a',
      firstIndex: 0,
      passageIds: ['a#0', 'a#1'],
      dims: 4,
      data: vectorsOf(['a#0', 'a#1'], 4),
    });
    await setDocumentHidden(db, 'a', true);
    expect((await getDocument(db, 'a'))?.hidden).toBe(true);
    expect(await readPassages(db)).toEqual(passages);
    expect(await embeddedPassageIds(db, 'm')).toEqual(new Set(['a#0', 'a#1']));
    await setDocumentHidden(db, 'a', false);
    expect(await getDocument(db, 'a')).toEqual(doc);
  });
});
