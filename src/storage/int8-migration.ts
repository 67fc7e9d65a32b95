/**
 * Schema step 2 → 3: vector records written as float32 bytes (`data`) are rewritten as int8 batch records
 * (codes, row scales, document keys). A record whose bytes do not hold its rows is deleted; its passages
 * are embedded again.
 */
import type { UpgradeTransaction } from './migrations';
import type { VectorRecord } from './schema';
import { batchRecord } from './vectors';

/** A vector record as versions 1 and 2 stored it. */
interface FloatVectorRecord {
  modelId: string;
  docId: string;
  firstIndex: number;
  passageIds: string[];
  dims: number;
  /** `passageIds.length * dims` float32 values, row-major. */
  data: ArrayBuffer;
}

/** The record in the int8 form, or undefined when its float bytes do not match its passage ids. */
function toInt8Record(record: FloatVectorRecord): VectorRecord | undefined {
  const { data, dims, passageIds } = record;
  if (!(data instanceof ArrayBuffer) || data.byteLength !== 4 * passageIds.length * dims) return undefined;
  try {
    return batchRecord({ ...record, data: new Float32Array(data) });
  } catch {
    return undefined;
  }
}

/**
 * Rewrites every float32 vector record in the upgrade transaction (the transaction stays open until the
 * last write). Records already in the int8 form are left alone.
 *
 * @example
 * (_db, tx) => void quantizeStoredVectors(tx)
 */
export async function quantizeStoredVectors(tx: UpgradeTransaction): Promise<void> {
  let cursor = await tx.objectStore('vectors').openCursor();
  while (cursor) {
    const value = cursor.value as VectorRecord | FloatVectorRecord;
    if ('data' in value) {
      const converted = toInt8Record(value);
      await (converted ? cursor.update(converted) : cursor.delete());
    }
    cursor = await cursor.continue();
  }
}
