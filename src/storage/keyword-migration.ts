/**
 * Schema step 3 → 4: a keyword index saved as one JSON string (the `keyword` store) is rewritten in parts
 * (`keywordParts`), so nobody's saved index is lost; the `keyword` store is then deleted. An index that is
 * not of the current format is dropped (the next start rebuilds it from the passages, as before).
 */
import { snapshotOfSaved } from '../core/search/keyword-snapshot';
import type { UpgradeTransaction } from './migrations';
import type { SearchDb } from './schema';

/**
 * Converts every record of the `keyword` store into `keywordParts` records inside the upgrade transaction,
 * then deletes the `keyword` store.
 *
 * @example
 * (db, tx) => void splitKeywordIndexes(db, tx)
 */
export async function splitKeywordIndexes(db: SearchDb, tx: UpgradeTransaction): Promise<void> {
  const parts = tx.objectStore('keywordParts');
  for (const { name, json } of await tx.objectStore('keyword').getAll()) {
    const snapshot = snapshotOfSaved(json);
    if (!snapshot) continue;
    await Promise.all([
      parts.put({ name, part: 0, head: snapshot.head }),
      ...snapshot.parts.map((terms, i) => parts.put({ name, part: i + 1, terms })),
    ]);
  }
  db.deleteObjectStore('keyword');
}
