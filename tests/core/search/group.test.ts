import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByDocument } from '../../../src/core/search/group';

describe('groupByDocument', () => {
  it('orders groups by their best hit and keeps rank order inside', () => {
    expect(
      groupByDocument([{ docId: 'a' }, { docId: 'b' }, { docId: 'a' }, { docId: 'c' }, { docId: 'b' }]),
    ).toEqual([[0, 2], [1, 4], [3]]);
  });

  it('puts every hit in exactly one group of its own document (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), (docIds) => {
        const hits = docIds.map((docId) => ({ docId }));
        const groups = groupByDocument(hits);
        expect(groups.flat().sort((x, y) => x - y)).toEqual(hits.map((_, i) => i));
        for (const group of groups) expect(new Set(group.map((i) => hits[i]?.docId)).size).toBe(1);
        expect(groups.map((group) => group[0])).toEqual(
          [...groups.map((group) => group[0])].sort((x, y) => x! - y!),
        );
      }),
    );
  });
});
