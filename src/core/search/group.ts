/**
 * Groups a ranked list of hits by document, for results that show one article with its other passages
 * collapsed under it.
 */

/**
 * Groups hit indexes by document: groups ordered by their best hit, hits in rank order within a group.
 *
 * @example
 * groupByDocument([{ docId: 'a' }, { docId: 'b' }, { docId: 'a' }]); // [[0, 2], [1]]
 */
export function groupByDocument(hits: readonly { docId: string }[]): number[][] {
  const groups = new Map<string, number[]>();
  hits.forEach((hit, index) => {
    const group = groups.get(hit.docId);
    if (group) group.push(index);
    else groups.set(hit.docId, [index]);
  });
  return [...groups.values()];
}
