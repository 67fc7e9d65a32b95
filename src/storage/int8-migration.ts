/**
 * Schema step 2 → 3: vector records written as float32 bytes (`data`) are rewritten as int8 codes and row
 * scales. A record whose bytes do not hold whole rows is deleted; its passages are embedded again.
 */
import type { UpgradeTransaction } from './migrations';
import type { VectorRecord } from './schema';
import { encodeVectors } from './vectors';

/** A vector record as versions 1 and 2 stored it. */
interface FloatVectorRecord extends Omit<VectorRecord, 'codes' | 'scales'> {
  /** `passageIds.length * dims` float32 values, row-major. */
  data: ArrayBuffer;
}

/** The record in the int8 form, or undefined when its float bytes do not match its passage ids. */
function toInt8Record(record: FloatVectorRecord): VectorRecord | undefined {
  const { data, ...rest } = record;
  if (!(data instanceof ArrayBuffer) || data.byteLength !== 4 * record.passageIds.length * record.dims) {
    return undefined;
  }
  return { ...rest, ...encodeVectors(new Float32Array(data), record.dims) };
}

/**
 * Rewrites every float32 vector record in the upgrade transaction (the transaction stays open until the
 * last write). Records already in the int8 form are left alone.
 *
 * @example
 * migrations.push((_db, tx) => void quantizeStoredVectors(tx));
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
