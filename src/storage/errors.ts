/**
 * Storage errors the UI can explain. A full disk surfaces as {@link StorageFullError}.
 */

/** Thrown when the browser refuses a write because the site's storage quota is used up. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';

  constructor(options?: { cause?: unknown }) {
    super(
      'storage: the browser has no room left to save data for this site. Delete documents you added, ' +
        "or the index of a model you no longer use, or free disk space (or raise this site's storage " +
        'in the browser settings), then try again.',
      options,
    );
  }
}

/**
 * True for the browser's "quota exceeded" errors (`QuotaExceededError`; older Firefox
 * `NS_ERROR_DOM_QUOTA_REACHED`), whether thrown by a request or the transaction's abort.
 *
 * @example
 * isQuotaError(new DOMException('full', 'QuotaExceededError')); // true
 */
export function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : undefined;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/**
 * Runs a write, turning a quota error into a {@link StorageFullError} (the original kept as `cause`).
 *
 * @example
 * await withStorageErrors(async () => {
 *   const tx = db.transaction('meta', 'readwrite');
 *   await Promise.all([tx.store.put(meta), tx.done]);
 * });
 */
export async function withStorageErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isQuotaError(error) ? new StorageFullError({ cause: error }) : error;
  }
}
