/**
 * The keyword index as stored: a head (passage ids, their lengths and documents, a fingerprint of each
 * document's passages) and the postings in parts of about {@link PART_POSTINGS}, each part a run of terms
 * with their postings as bytes, so nothing is parsed posting by posting and no record grows with the
 * corpus. A snapshot found stale for some documents is patched, not rebuilt (`workers/library.ts`).
 */
import { corpusHash } from '../index-plan';
import type { Passage } from '../types';
import { createKeywordIndex, type KeywordIndex } from './keyword-index';
import { KEYWORD_RANKING } from './keyword-ranking';

/** The `format` of a stored keyword index. */
export const KEYWORD_INDEX_FORMAT = 'keyword-index';
/**
 * 3: packed postings (2: MiniSearch's plain object, no segmenter words; older saved indexes are rebuilt
 * from the passages).
 */
export const KEYWORD_INDEX_VERSION = 3;
/** Postings per stored part, at most (a term with more has a part of its own): about 20 MB. */
export const PART_POSTINGS = 1 << 22;

/**
 * A run of terms (in dictionary order) with their postings: `counts[i]` postings for the `i`-th term, whose
 * slots and frequencies follow in `slots` and `frequencies`, term after term.
 */
export interface KeywordTermPart {
  /** The terms, concatenated. */
  terms: string;
  /** Where each term ends in `terms`. */
  termEnds: Uint32Array<ArrayBuffer>;
  /** Postings per term. */
  counts: Uint32Array<ArrayBuffer>;
  /** Slot of each posting. */
  slots: Uint32Array<ArrayBuffer>;
  /** Frequency of each posting. */
  frequencies: Uint8Array<ArrayBuffer>;
}

/** Everything of a snapshot but its postings. */
export interface KeywordSnapshotHead {
  /** Always {@link KEYWORD_INDEX_FORMAT}. */
  format: typeof KEYWORD_INDEX_FORMAT;
  /** {@link KEYWORD_INDEX_VERSION} when written. */
  version: number;
  /** Passage id of each slot. */
  ids: string[];
  /** Distinct terms of each slot's passage. */
  lengths: Uint32Array<ArrayBuffer>;
  /** Document ids. */
  docIds: string[];
  /** Each slot's document, as an index into `docIds`. */
  docOfSlot: Uint32Array<ArrayBuffer>;
  /** {@link documentFingerprints} of the passages indexed, per document id. */
  fingerprints: Record<string, string>;
  /**
   * A snapshot read from an `.ossindex` file: the hash of all the passages it covered (it has no
   * fingerprints), so it is used only when the stored passages are exactly those.
   */
  corpusSignature?: string;
  /** How many term parts follow the head. */
  parts: number;
}

/** A keyword index as stored: its head and its term parts in order. */
export interface KeywordSnapshot {
  /** The head. */
  head: KeywordSnapshotHead;
  /** `head.parts` term parts. */
  parts: KeywordTermPart[];
}

/**
 * A fingerprint of each document's passages (ids and texts), to tell which documents a saved index no
 * longer describes.
 *
 * @example
 * documentFingerprints(passages).get('doc-1'); // '1b3f09c2d4e5a'
 */
export function documentFingerprints(passages: readonly Passage[]): Map<string, string> {
  const byDoc = new Map<string, Passage[]>();
  for (const passage of passages) {
    const own = byDoc.get(passage.docId);
    if (own) own.push(passage);
    else byDoc.set(passage.docId, [passage]);
  }
  return new Map(Array.from(byDoc, ([docId, own]) => [docId, corpusHash(own)]));
}

/**
 * The index in parts of at most `partPostings` postings (a term with more has a part of its own), with the
 * fingerprints of the passages it covers ({@link documentFingerprints}).
 * Freezes the index first; the parts view its arrays (store them before changing the index again).
 *
 * @example
 * await putKeywordSnapshot(db, 'passages', snapshotKeywordIndex(index, documentFingerprints(passages)));
 */
export function snapshotKeywordIndex(
  index: KeywordIndex,
  fingerprints: ReadonlyMap<string, string>,
  partPostings = PART_POSTINGS,
): KeywordSnapshot {
  const { dictionary, termStarts, offsets, slots, frequencies, ids, lengths } = index.postings.export();
  const termCount = termStarts.length - 1;
  const parts: KeywordTermPart[] = [];
  for (let first = 0; first < termCount;) {
    let last = first + 1;
    while (last < termCount && offsets[last + 1]! - offsets[first]! <= partPostings) last++;
    const [from, to] = [offsets[first]!, offsets[last]!];
    const counts = new Uint32Array(last - first);
    const termEnds = new Uint32Array(last - first);
    for (let t = first; t < last; t++) {
      counts[t - first] = offsets[t + 1]! - offsets[t]!;
      termEnds[t - first] = termStarts[t + 1]! - termStarts[first]!;
    }
    parts.push({
      terms: dictionary.slice(termStarts[first], termStarts[last]),
      termEnds,
      counts,
      slots: slots.subarray(from, to),
      frequencies: frequencies.subarray(from, to),
    });
    first = last;
  }
  const docIds = [...index.passagesByDoc.keys()];
  const docNumber = new Map(docIds.map((docId, i) => [docId, i]));
  const docOfSlot = new Uint32Array(ids.length);
  for (const [docId, passageIds] of index.passagesByDoc)
    for (const id of passageIds) docOfSlot[index.postings.slot(id)!] = docNumber.get(docId)!;
  const head: KeywordSnapshotHead = {
    format: KEYWORD_INDEX_FORMAT,
    version: KEYWORD_INDEX_VERSION,
    ids: [...ids],
    lengths,
    docIds,
    docOfSlot,
    fingerprints: Object.fromEntries(fingerprints),
    parts: parts.length,
  };
  return { head, parts };
}

/**
 * Loads a snapshot: the postings are copied into one block per array, the terms joined into one string. Throws
 * `keyword-index: ...` errors for another format or version, or missing or damaged parts (rebuild from
 * the passages then).
 *
 * @example
 * const index = loadKeywordSnapshot(await getKeywordSnapshot(db, 'passages'));
 */
export function loadKeywordSnapshot({ head, parts }: KeywordSnapshot): KeywordIndex {
  if (head.format !== KEYWORD_INDEX_FORMAT || head.version !== KEYWORD_INDEX_VERSION)
    throw new Error(
      `keyword-index: unsupported version ${String(head.version)} (expected ${KEYWORD_INDEX_VERSION})`,
    );
  if (head.lengths.length !== head.ids.length || head.docOfSlot.length !== head.ids.length)
    throw new Error('keyword-index: a damaged head');
  if (parts.length !== head.parts)
    throw new Error(`keyword-index: ${parts.length} of ${head.parts} parts stored`);
  const termCount = parts.reduce((sum, part) => sum + part.counts.length, 0);
  const postingCount = parts.reduce((sum, part) => sum + part.slots.length, 0);
  const termStarts = new Uint32Array(termCount + 1);
  const offsets = new Uint32Array(termCount + 1);
  const slots = new Uint32Array(postingCount);
  const frequencies = new Uint8Array(postingCount);
  let term = 0;
  let at = 0;
  let length = 0;
  for (const part of parts) {
    const postings = part.counts.reduce((sum, count) => sum + count, 0);
    if (
      part.termEnds.length !== part.counts.length ||
      part.termEnds.at(-1) !== part.terms.length ||
      part.slots.length !== postings ||
      part.frequencies.length !== postings
    )
      throw new Error('keyword-index: a damaged part');
    slots.set(part.slots, at);
    frequencies.set(part.frequencies, at);
    for (let i = 0; i < part.counts.length; i++) {
      termStarts[term] = length + (i === 0 ? 0 : part.termEnds[i - 1]!);
      offsets[term++] = at;
      at += part.counts[i]!;
    }
    length += part.terms.length;
  }
  termStarts[termCount] = length;
  offsets[termCount] = at;
  let highest = 0;
  for (let i = 0; i < slots.length; i++) if (slots[i]! > highest) highest = slots[i]!;
  if (slots.length > 0 && highest >= head.ids.length) throw new Error('keyword-index: a damaged part');
  const index = createKeywordIndex(KEYWORD_RANKING);
  const dictionary = parts.map((part) => part.terms).join('');
  index.postings.import({
    dictionary,
    termStarts,
    offsets,
    slots,
    frequencies,
    ids: head.ids,
    lengths: head.lengths,
  });
  head.ids.forEach((id, slot) => {
    const docId = head.docIds[head.docOfSlot[slot]!]!;
    const own = index.passagesByDoc.get(docId);
    if (own) own.add(id);
    else index.passagesByDoc.set(docId, new Set([id]));
  });
  return index;
}
