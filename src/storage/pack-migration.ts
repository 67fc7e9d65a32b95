/**
 * Schema step 4 → 5: each model's vector records (packs of version 4, whose codes were an ArrayBuffer, and any
 * batches) are folded into packs of the current form: codes in a Blob, Σ|codes| stored, up to `PACK_ROWS`
 * rows. A model whose records are damaged or of mixed dims is left as it is (`readVectors` says so), and so
 * is one whose records are still version 2's floats (step 2 → 3 converts them in the same transaction, later
 * than this step's read; `readVectors` folds them).
 */
import type { UpgradeTransaction } from './migrations';
import type { VectorRecord } from './schema';
import { foldIntoPacks } from './vectors';

/**
 * Folds every model's vector records into packs inside the upgrade transaction (which stays open until the
 * last write).
 *
 * @example
 * (_db, tx) => void repackStoredVectors(tx)
 */
export async function repackStoredVectors(tx: UpgradeTransaction): Promise<void> {
  const store = tx.objectStore('vectors');
  const byModel = new Map<string, VectorRecord[]>();
  for (const record of await store.getAll()) {
    const records = byModel.get(record.modelId);
    if (records) records.push(record);
    else byModel.set(record.modelId, [record]);
  }
  const writes = [...byModel].map(([modelId, records]) => {
    const dims = records[0]!.dims;
    if (records.some((record) => record.dims !== dims)) return undefined;
    try {
      return foldIntoPacks(store, modelId, dims, records).written;
    } catch {
      return undefined;
    }
  });
  await Promise.all(writes);
}
