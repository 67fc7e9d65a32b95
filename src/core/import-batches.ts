/**
 * Splitting a large import into calls of bounded size, so a folder of thousands of files is never read
 * into memory at once.
 */

/** Most bytes read and sent to the worker in one call (64 MB). */
export const MAX_IMPORT_BATCH_BYTES = 64 * 1024 * 1024;

/** Most files sent to the worker in one call. */
export const MAX_IMPORT_BATCH_FILES = 32;

/**
 * Groups items in order into batches of at most `maxFiles` items and `maxBytes` bytes (an item larger
 * than `maxBytes` gets a batch of its own).
 *
 * @example
 * importBatches([{ size: 40 }, { size: 40 }, { size: 10 }], 64, 32); // [[{ size: 40 }], [{ size: 40 }, { size: 10 }]]
 */
export function importBatches<T extends { size: number }>(
  items: readonly T[],
  maxBytes = MAX_IMPORT_BATCH_BYTES,
  maxFiles = MAX_IMPORT_BATCH_FILES,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && (bytes + item.size > maxBytes || current.length >= maxFiles)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
