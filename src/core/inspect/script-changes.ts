/**
 * What normalisation changed in a query: the characters that differ between the text before and after.
 */

/** One changed character. */
export interface CharacterChange {
  /** Position in code points. */
  index: number;
  /** The character before. */
  from: string;
  /** The character after. */
  to: string;
}

/**
 * Lists the characters that differ between two texts of the same length in code points (script conversion
 * and lower-casing keep it). Texts of different lengths (NFKC may fold `㎏` into `kg`) are one change of the
 * whole text.
 *
 * @example
 * characterChanges('開源AI', '开源ai'); // [{ index: 0, from: '開', to: '开' }, { index: 2, from: 'A', to: 'a' }, ...]
 */
export function characterChanges(before: string, after: string): CharacterChange[] {
  const a = Array.from(before);
  const b = Array.from(after);
  if (a.length !== b.length) return before === after ? [] : [{ index: 0, from: before, to: after }];
  const changes: CharacterChange[] = [];
  a.forEach((from, index) => {
    if (from !== b[index]) changes.push({ index, from, to: b[index]! });
  });
  return changes;
}
