import { describe, expect, it } from 'vitest';
import {
  isQuotaError,
  putVectorBatch,
  StorageFullError,
  withStorageErrors,
  type SearchDb,
} from '../../src/storage';

const quota = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storage errors', () => {
  it('recognises quota errors only', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new DOMException('x', 'NS_ERROR_DOM_QUOTA_REACHED'))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'DataCloneError'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('turns a quota error into StorageFullError that says what to do, keeping the cause', async () => {
    const cause = quota();
    const error = await withStorageErrors(() => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error).toMatchObject({ name: 'StorageFullError', cause });
    expect((error as Error).message).toMatch(
      /^storage: the browser has no room left to save data for this site\. Delete/,
    );
  });

  it('passes other errors through unchanged', async () => {
    const other = new DOMException('x', 'DataCloneError');
    await expect(withStorageErrors(() => Promise.reject(other))).rejects.toBe(other);
  });

  it('maps a write whose transaction fails on quota', async () => {
    const failingDb = {
      transaction: () => {
        throw quota();
      },
    } as unknown as SearchDb;
    const batch = {
      modelId: 'm',
      docId: 'a',
      firstIndex: 0,
      passageIds: ['a#0'],
      dims: 1,
      data: new Float32Array(1),
    };
    await expect(putVectorBatch(failingDb, batch)).rejects.toBeInstanceOf(StorageFullError);
  });
});
