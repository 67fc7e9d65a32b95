/**
 * Passage ids: `${docId}#${index}`. The one place that builds and reads them.
 */

/**
 * The id of a document's passage number `index`.
 *
 * @example
 * passageId('3f2a', 7); // '3f2a#7'
 */
export function passageId(docId: string, index: number): string {
  return `${docId}#${index}`;
}

/**
 * The document id and passage index inside a passage id.
 *
 * @throws {Error} for a string that is not a passage id.
 * @example
 * parsePassageId('3f2a#7'); // { docId: '3f2a', index: 7 }
 */
export function parsePassageId(id: string): { docId: string; index: number } {
  const hash = id.lastIndexOf('#');
  const index = Number(id.slice(hash + 1));
  if (hash <= 0 || !Number.isInteger(index) || index < 0 || id.slice(hash + 1) === '')
    throw new Error(`passage id: “${id}” is not docId#index`);
  return { docId: id.slice(0, hash), index };
}
