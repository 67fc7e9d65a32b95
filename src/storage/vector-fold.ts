/**
 * Planning a fold of batch records into packs that rewrites as little as it can: a batch's rows go into the
 * pack that already holds their document, else into the smallest pack that is not full (or new packs, when
 * every pack is full). Adding a document to a large index thus rewrites one pack, not all of them, and full
 * packs are left as they are. Each document's rows stay in one pack, in canonical order within it; a load
 * reads the packs in key order (by their first document). Nothing here reads a Blob or touches IndexedDB.
 */
import type { VectorPackRecord, VectorRecord } from './schema';
import { canonicalRows, compareRows, isPack, PACK_ROWS, packRecords } from './vector-rows';

/** What folding a model's records deletes and writes. */
export interface PackFold {
  /** Records to delete: every batch, and each pack that is written again. */
  remove: VectorRecord[];
  /** Packs to write (after the deletes: one may take the key of a pack it replaces). */
  add: VectorPackRecord[];
  /** Every pack of the model after the fold, in key order: the rows a load returns, in its order. */
  packs: VectorPackRecord[];
}

/**
 * Plans folding a model's records (all of `dims` components; packs and batches, in any order) into packs.
 * Rows of a batch whose passage is already in a pack are dropped (the pack's copy is kept). Throws on a
 * damaged record.
 *
 * @example
 * const { remove, add, packs } = planFold('m', 512, await store.index('by-model').getAll('m'));
 */
export function planFold(modelId: string, dims: number, records: readonly VectorRecord[]): PackFold {
  const packs = records.filter(isPack);
  const batches = records.filter((record) => !isPack(record));
  const packed = new Set(packs.flatMap((pack) => pack.passageIds));
  const added = canonicalRows(batches).filter((row) => !packed.has(row.id));
  const addedDocs = new Set(added.map((row) => row.docId));
  const holding = packs.filter((pack) => docsOf(pack).some((docId) => addedDocs.has(docId)));
  const held = new Set(holding.flatMap(docsOf));
  const homeless = [...addedDocs].some((docId) => !held.has(docId));
  const open = homeless ? smallestOpenPack(packs.filter((pack) => !holding.includes(pack))) : undefined;
  const rewritten = open ? [...holding, open] : holding;
  const kept = packs.filter((pack) => !rewritten.includes(pack));
  const add = packRecords(modelId, dims, [...canonicalRows(rewritten), ...added].sort(compareRows));
  const keptKeys = new Set(kept.map((pack) => pack.docId));
  if (add.some((pack) => keptKeys.has(pack.docId))) {
    // A document split across packs (not written by this code): fold everything rather than overwrite a pack.
    const all = packRecords(modelId, dims, canonicalRows(records));
    return { remove: [...records], add: all, packs: all };
  }
  return { remove: [...batches, ...rewritten], add, packs: [...kept, ...add].sort(byKey) };
}

/** The documents with rows in a record. */
function docsOf(record: VectorRecord): string[] {
  return record.docKeys.map(([, docId]) => docId);
}

/** The pack with the fewest rows, if it holds fewer than {@link PACK_ROWS}. */
function smallestOpenPack(packs: readonly VectorPackRecord[]): VectorPackRecord | undefined {
  const open = packs.filter((pack) => pack.passageIds.length < PACK_ROWS);
  return open.reduce<VectorPackRecord | undefined>(
    (smallest, pack) => (smallest && smallest.passageIds.length <= pack.passageIds.length ? smallest : pack),
    undefined,
  );
}

/** IndexedDB's order of packs of one model: by first document (string order by UTF-16 code units, as JS). */
function byKey(a: VectorPackRecord, b: VectorPackRecord): number {
  return a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0;
}
