/**
 * Decides, from what is stored, how to bring one model's vector index up to date. Pure: the
 * worker reads storage, asks this function, then acts.
 */
import type { IndexMeta } from './types';

/** What {@link planIndexing} looks at. */
export interface IndexPlanInput {
  /** Every current passage, in the order they should be embedded. */
  passages: readonly { id: string }[];
  /** Passage ids with stored vectors for this model (`embeddedPassageIds`). */
  embedded: ReadonlySet<string>;
  /** Stored meta of this model, if any (`getIndexMeta`). */
  meta: IndexMeta | undefined;
  /** The model to index with. */
  modelId: string;
  /** Its output dimensions. */
  dims: number;
}

/**
 * - `reuse`: every passage has a vector; embed nothing.
 * - `resume`: keep the stored vectors, embed `toEmbed` (the passages without one).
 * - `rebuild`: clear this model's vectors and meta first (`clearModelVectors`), then embed every passage.
 */
export type IndexAction = 'reuse' | 'resume' | 'rebuild';

/** The decision of {@link planIndexing}. */
export interface IndexPlan {
  /** What to do with the stored vectors. */
  action: IndexAction;
  /** Ids of the passages to embed, in passage order. */
  toEmbed: string[];
  /** Stored vector ids that are no current passage; search should skip them. Empty on rebuild. */
  orphaned: string[];
}

/**
 * Plans indexing for one model.
 * Rebuild when there is no meta (a first build; or vectors of unknown dims, left by a run that died
 * before writing meta) or its dims differ from the model's. Otherwise resume when some passages
 * lack vectors, and reuse when none do. So write meta (with `complete: false`) before the first batch.
 *
 * @example
 * const plan = planIndexing({ passages, embedded: await embeddedPassageIds(db, id), meta: await getIndexMeta(db, id), modelId: id, dims: 512 });
 * if (plan.action === 'rebuild') await clearModelVectors(db, id);
 * // then embed plan.toEmbed in batches
 */
export function planIndexing(input: IndexPlanInput): IndexPlan {
  const { passages, embedded, meta, modelId, dims } = input;
  if (meta !== undefined && meta.modelId !== modelId) {
    throw new Error(`index-plan: meta is for model ${meta.modelId}, not ${modelId}`);
  }
  const allIds = passages.map((passage) => passage.id);
  if (meta === undefined || meta.dims !== dims) return { action: 'rebuild', toEmbed: allIds, orphaned: [] };
  const current = new Set(allIds);
  const orphaned = [...embedded].filter((id) => !current.has(id));
  const toEmbed = allIds.filter((id) => !embedded.has(id));
  return { action: toEmbed.length === 0 ? 'reuse' : 'resume', toEmbed, orphaned };
}

/**
 * A hash of the corpus for {@link IndexMeta.corpusHash}: changes when any passage is added, removed,
 * or gets another text. Independent of the order of `passages`. 53-bit cyrb53 over ids and texts, in hex.
 *
 * @example
 * const hash = corpusHash(await readPassages(db)); // e.g. '1b3f09c2d4e5a'
 */
export function corpusHash(passages: readonly { id: string; text: string }[]): string {
  const sorted = [...passages].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (code: number): void => {
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  };
  for (const { id, text } of sorted) {
    for (let i = 0; i < id.length; i++) mix(id.charCodeAt(i));
    mix(0x10000);
    for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
    mix(0x10001);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}
