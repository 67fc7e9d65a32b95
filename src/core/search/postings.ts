/**
 * Packed postings: for every term, the passages that contain it and how often, in typed arrays instead of
 * a `Map` per term and an entry per posting (MiniSearch's layout took about 6.6 KiB per passage; this one
 * takes 5 bytes a posting plus the term dictionary, see BENCHMARKS.md "Keyword index at scale").
 *
 * Passages are numbered by *slots* in the order they were added. Most postings live in a frozen block
 * (compressed sparse rows: the postings of term `t` are `slots[offsets[t]..offsets[t + 1]]`); those added
 * since the last {@link Postings.freeze} wait in small per-term arrays. Removing a passage marks its slot
 * dead; freezing drops dead slots and renumbers the rest, keeping their order.
 */

/** The most times a term is counted in one passage (frequencies are stored in a byte). */
export const MAX_FREQUENCY = 255;

/** One term's postings as a caller reads them: parallel slots and frequencies, dead slots included. */
export interface TermPostings {
  /** Slots, ascending. */
  slots: ArrayLike<number>;
  /** Frequency of the term in each slot's passage. */
  frequencies: ArrayLike<number>;
}

/** The frozen block, as {@link Postings.export} gives it and {@link Postings.import} takes it. */
export interface FrozenPostings {
  /** Term of each term number. */
  terms: string[];
  /** `terms.length + 1` offsets into `slots` and `frequencies`. */
  offsets: Uint32Array<ArrayBuffer>;
  /** Slot of each posting. */
  slots: Uint32Array<ArrayBuffer>;
  /** Frequency of each posting. */
  frequencies: Uint8Array<ArrayBuffer>;
  /** Passage id of each slot. */
  ids: string[];
  /** Distinct terms of each slot's passage (BM25's field length). */
  lengths: Uint32Array<ArrayBuffer>;
}

const EMPTY: TermPostings = { slots: [], frequencies: [] };

function grown<T extends Uint8Array | Uint32Array>(array: T, needed: number, make: (n: number) => T): T {
  if (needed <= array.length) return array;
  const next = make(Math.max(needed, array.length * 2, 64));
  next.set(array);
  return next;
}

/** Term dictionary and postings of a set of passages; see the module comment. */
export class Postings {
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  private offsets = new Uint32Array(1);
  private slots = new Uint32Array(0);
  private frequencies = new Uint8Array(0);
  /** Postings added since the last freeze, per term number: slot, frequency, slot, frequency… */
  private fresh = new Map<number, number[]>();
  private freshCount = 0;
  private ids: string[] = [];
  private slotOf = new Map<string, number>();
  private lengths = new Uint32Array(0);
  private dead = new Uint8Array(0);
  private deadCount = 0;
  private totalLength = 0;
  /** Bumped whenever a term is added, so derived term lists know when to rebuild. */
  private termGeneration = 0;

  /** Live passages. */
  get passageCount(): number {
    return this.ids.length - this.deadCount;
  }

  /** Removed passages whose slots the next freeze drops. */
  get removedCount(): number {
    return this.deadCount;
  }

  /** Slots in use, dead ones included (score arrays are this long). */
  get slotCount(): number {
    return this.ids.length;
  }

  /** Mean distinct terms per live passage (0 when there is none). */
  get averageLength(): number {
    return this.passageCount === 0 ? 0 : this.totalLength / this.passageCount;
  }

  /** Changes whenever a new term enters the dictionary. */
  get generation(): number {
    return this.termGeneration;
  }

  /** Postings held, dead slots' included. */
  get postingCount(): number {
    return this.slots.length + this.freshCount;
  }

  /** Bytes of the typed arrays (postings, offsets, lengths), for the bench. */
  get packedBytes(): number {
    return (
      this.slots.byteLength +
      this.frequencies.byteLength +
      this.offsets.byteLength +
      this.lengths.byteLength +
      this.dead.byteLength
    );
  }

  /** Every term in the dictionary (some may have only dead postings until the next freeze). */
  allTerms(): readonly string[] {
    return this.terms;
  }

  /** The slot of a live passage, or `undefined`. */
  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** The passage id of a slot. */
  idAt(slot: number): string {
    return this.ids[slot]!;
  }

  /** Whether a slot's passage was removed. */
  isDead(slot: number): boolean {
    return this.dead[slot] === 1;
  }

  /** Distinct terms of a slot's passage. */
  lengthAt(slot: number): number {
    return this.lengths[slot]!;
  }

  /**
   * Adds a passage by its terms (repeats are its term frequencies) and returns its slot. The id must not
   * be live already ({@link Postings.remove} it first).
   */
  add(id: string, terms: readonly string[]): number {
    if (this.slotOf.has(id)) throw new Error(`postings: ${id} is already indexed`);
    const slot = this.ids.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    this.ids.push(id);
    this.slotOf.set(id, slot);
    this.lengths = grown(this.lengths, slot + 1, (n) => new Uint32Array(n));
    this.dead = grown(this.dead, slot + 1, (n) => new Uint8Array(n));
    this.lengths[slot] = counts.size;
    this.totalLength += counts.size;
    for (const [term, count] of counts) {
      let termId = this.termIds.get(term);
      if (termId === undefined) {
        termId = this.terms.length;
        this.terms.push(term);
        this.termIds.set(term, termId);
        this.termGeneration++;
      }
      const list = this.fresh.get(termId);
      const frequency = Math.min(count, MAX_FREQUENCY);
      if (list) list.push(slot, frequency);
      else this.fresh.set(termId, [slot, frequency]);
    }
    this.freshCount += counts.size;
    return slot;
  }

  /** Removes a live passage; returns whether it was there. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.dead[slot] = 1;
    this.deadCount++;
    this.totalLength -= this.lengths[slot]!;
    return true;
  }

  /** Whether enough has changed since the last freeze that searches would gain from another. */
  needsFreeze(): boolean {
    return this.freshCount > Math.max(65_536, this.slots.length / 8) || this.deadCount > this.ids.length / 4;
  }

  /** The postings of a term: the frozen ones, then the fresh ones, in two lists (dead slots included). */
  postingsOf(term: string): [TermPostings, TermPostings] {
    const termId = this.termIds.get(term);
    if (termId === undefined) return [EMPTY, EMPTY];
    const frozen: TermPostings =
      termId + 1 < this.offsets.length
        ? {
            slots: this.slots.subarray(this.offsets[termId], this.offsets[termId + 1]),
            frequencies: this.frequencies.subarray(this.offsets[termId], this.offsets[termId + 1]),
          }
        : EMPTY;
    const list = this.fresh.get(termId);
    if (!list) return [frozen, EMPTY];
    const slots: number[] = [];
    const frequencies: number[] = [];
    for (let i = 0; i < list.length; i += 2) {
      slots.push(list[i]!);
      frequencies.push(list[i + 1]!);
    }
    return [frozen, { slots, frequencies }];
  }

  /**
   * Moves the fresh postings into the frozen block, drops dead slots (renumbering the others in order) and
   * terms left without postings. Linear in the postings held.
   */
  freeze(): void {
    if (this.freshCount === 0 && this.deadCount === 0) return;
    const renumber = new Uint32Array(this.ids.length);
    const ids: string[] = [];
    for (let slot = 0; slot < this.ids.length; slot++) {
      renumber[slot] = ids.length;
      if (this.dead[slot] === 0) ids.push(this.ids[slot]!);
    }
    const counts = new Uint32Array(this.terms.length);
    const frozenTerms = this.offsets.length - 1;
    for (let t = 0; t < this.terms.length; t++) {
      let live = 0;
      if (t < frozenTerms) for (let p = this.offsets[t]!; p < this.offsets[t + 1]!; p++) live += 1 - this.dead[this.slots[p]!]!;
      const list = this.fresh.get(t);
      if (list) for (let i = 0; i < list.length; i += 2) live += 1 - this.dead[list[i]!]!;
      counts[t] = live;
    }
    const terms: string[] = [];
    const keep: number[] = [];
    let total = 0;
    for (let t = 0; t < this.terms.length; t++) {
      if (counts[t] === 0) continue;
      terms.push(this.terms[t]!);
      keep.push(t);
      total += counts[t]!;
    }
    const offsets = new Uint32Array(terms.length + 1);
    const slots = new Uint32Array(total);
    const frequencies = new Uint8Array(total);
    let at = 0;
    keep.forEach((t, next) => {
      offsets[next] = at;
      if (t < frozenTerms) {
        for (let p = this.offsets[t]!; p < this.offsets[t + 1]!; p++) {
          const slot = this.slots[p]!;
          if (this.dead[slot] === 1) continue;
          slots[at] = renumber[slot]!;
          frequencies[at++] = this.frequencies[p]!;
        }
      }
      const list = this.fresh.get(t);
      if (list) {
        for (let i = 0; i < list.length; i += 2) {
          if (this.dead[list[i]!] === 1) continue;
          slots[at] = renumber[list[i]!]!;
          frequencies[at++] = list[i + 1]!;
        }
      }
    });
    offsets[terms.length] = at;
    const lengths = new Uint32Array(ids.length);
    for (let slot = 0; slot < this.ids.length; slot++)
      if (this.dead[slot] === 0) lengths[renumber[slot]!] = this.lengths[slot]!;
    this.import({ terms, offsets, slots, frequencies, ids, lengths });
  }

  /** The postings frozen (freezing first), to store. The arrays are the index's own: do not change them. */
  export(): FrozenPostings {
    this.freeze();
    return {
      terms: this.terms,
      offsets: this.offsets,
      slots: this.slots,
      frequencies: this.frequencies,
      ids: this.ids,
      lengths: this.lengths.slice(0, this.ids.length),
    };
  }

  /** Replaces everything with a frozen block (from {@link Postings.export}); the arrays are taken, not copied. */
  import(block: FrozenPostings): void {
    const { terms, offsets, slots, frequencies, ids, lengths } = block;
    if (offsets.length !== terms.length + 1 || slots.length !== frequencies.length || lengths.length !== ids.length)
      throw new Error('postings: inconsistent block');
    if (offsets[terms.length] !== slots.length) throw new Error('postings: offsets do not cover the postings');
    this.terms = terms;
    this.termIds = new Map(terms.map((term, t) => [term, t]));
    this.offsets = offsets;
    this.slots = slots;
    this.frequencies = frequencies;
    this.fresh = new Map();
    this.freshCount = 0;
    this.ids = ids;
    this.slotOf = new Map(ids.map((id, slot) => [id, slot]));
    this.lengths = lengths;
    this.dead = new Uint8Array(ids.length);
    this.deadCount = 0;
    this.totalLength = lengths.reduce((sum, length) => sum + length, 0);
    this.termGeneration++;
  }
}
