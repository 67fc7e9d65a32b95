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
  /** The terms in code-unit order, concatenated. */
  dictionary: string;
  /** `terms + 1` offsets into `dictionary`: term `t` is `dictionary.slice(termStarts[t], termStarts[t + 1])`. */
  termStarts: Uint32Array<ArrayBuffer>;
  /** `terms + 1` offsets into `slots` and `frequencies`. */
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
  /** Frozen terms, sorted by code unit and concatenated; looked up by binary search, never split. */
  private dictionary = '';
  private termStarts = new Uint32Array(1);
  private offsets = new Uint32Array(1);
  private slots = new Uint32Array(0);
  private frequencies = new Uint8Array(0);
  /** Terms added since the last freeze, numbered after the frozen ones. */
  private freshTermIds = new Map<string, number>();
  private freshTerms: string[] = [];
  /** Postings added since the last freeze, per term number: slot, frequency, slot, frequency… */
  private fresh = new Map<number, number[]>();
  private freshCount = 0;
  private ids: string[] = [];
  private slotOf = new Map<string, number>();
  private lengths = new Uint32Array(0);
  private dead = new Uint8Array(0);
  private deadCount = 0;
  private totalLength = 0;
  /** Bumped whenever the dictionary changes, so derived term lists know when to rebuild. */
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

  /** Changes whenever the term dictionary changes. */
  get generation(): number {
    return this.termGeneration;
  }

  /** Postings held, dead slots' included. */
  get postingCount(): number {
    return this.slots.length + this.freshCount;
  }

  private get frozenTerms(): number {
    return this.termStarts.length - 1;
  }

  /** The terms whose first code unit `keep` accepts, frozen ones in order, then fresh ones. */
  terms(keep: (first: string) => boolean = () => true): string[] {
    const found: string[] = [];
    for (let t = 0; t < this.frozenTerms; t++) {
      const start = this.termStarts[t]!;
      if (keep(this.dictionary[start]!)) found.push(this.dictionary.slice(start, this.termStarts[t + 1]));
    }
    for (const term of this.freshTerms) if (keep(term[0]!)) found.push(term);
    return found;
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

  /** Compares `term` with frozen term `t` by code units, as `<` on strings does. */
  private compare(term: string, t: number): number {
    const start = this.termStarts[t]!;
    const length = this.termStarts[t + 1]! - start;
    const common = Math.min(term.length, length);
    for (let i = 0; i < common; i++) {
      const difference = term.charCodeAt(i) - this.dictionary.charCodeAt(start + i);
      if (difference !== 0) return difference;
    }
    return term.length - length;
  }

  /** The number of a term, or `undefined`. */
  private termId(term: string): number | undefined {
    let low = 0;
    let high = this.frozenTerms;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(term, middle);
      if (order === 0) return middle;
      if (order > 0) low = middle + 1;
      else high = middle;
    }
    return this.freshTermIds.get(term);
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
      let termId = this.termId(term);
      if (termId === undefined) {
        termId = this.frozenTerms + this.freshTerms.length;
        this.freshTerms.push(term);
        this.freshTermIds.set(term, termId);
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
    const termId = this.termId(term);
    if (termId === undefined) return [EMPTY, EMPTY];
    const frozen: TermPostings =
      termId < this.frozenTerms
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

  /** Live postings of every term number, frozen then fresh. */
  private liveCounts(): Uint32Array {
    const live = new Uint32Array(this.frozenTerms + this.freshTerms.length);
    for (let t = 0; t < live.length; t++) {
      let count = 0;
      if (t < this.frozenTerms)
        for (let p = this.offsets[t]!; p < this.offsets[t + 1]!; p++) count += 1 - this.dead[this.slots[p]!]!;
      const list = this.fresh.get(t);
      if (list) for (let i = 0; i < list.length; i += 2) count += 1 - this.dead[list[i]!]!;
      live[t] = count;
    }
    return live;
  }

  /**
   * The terms that keep postings, in dictionary order (frozen and fresh merged), with the new dictionary:
   * runs of kept frozen terms are copied as slices, not term by term.
   */
  private mergedDictionary(live: Uint32Array): {
    order: number[];
    dictionary: string;
    termStarts: Uint32Array<ArrayBuffer>;
  } {
    const freshOrder = this.freshTerms
      .map((_, i) => this.frozenTerms + i)
      .filter((t) => live[t]! > 0)
      .sort((a, b) => {
        const [x, y] = [this.freshTerms[a - this.frozenTerms]!, this.freshTerms[b - this.frozenTerms]!];
        return x < y ? -1 : x > y ? 1 : 0;
      });
    const order: number[] = [];
    const pieces: string[] = [];
    const starts: number[] = [0];
    let length = 0;
    let runStart = -1;
    const endRun = (t: number) => {
      if (runStart >= 0) pieces.push(this.dictionary.slice(this.termStarts[runStart], this.termStarts[t]));
      runStart = -1;
    };
    let next = 0;
    for (let t = 0; t <= this.frozenTerms; t++) {
      while (
        next < freshOrder.length &&
        (t === this.frozenTerms ||
          this.compare(this.freshTerms[freshOrder[next]! - this.frozenTerms]!, t) < 0)
      ) {
        endRun(t);
        const term = this.freshTerms[freshOrder[next]! - this.frozenTerms]!;
        pieces.push(term);
        order.push(freshOrder[next++]!);
        starts.push((length += term.length));
      }
      if (t === this.frozenTerms) break;
      if (live[t] === 0) {
        endRun(t);
        continue;
      }
      if (runStart < 0) runStart = t;
      order.push(t);
      starts.push((length += this.termStarts[t + 1]! - this.termStarts[t]!));
    }
    endRun(this.frozenTerms);
    return { order, dictionary: pieces.join(''), termStarts: Uint32Array.from(starts) };
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
    const live = this.liveCounts();
    const { order, dictionary, termStarts } = this.mergedDictionary(live);
    const offsets = new Uint32Array(order.length + 1);
    let total = 0;
    order.forEach((t, next) => {
      offsets[next] = total;
      total += live[t]!;
    });
    offsets[order.length] = total;
    const slots = new Uint32Array(total);
    const frequencies = new Uint8Array(total);
    let at = 0;
    for (const t of order) {
      if (t < this.frozenTerms) {
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
    }
    const lengths = new Uint32Array(ids.length);
    for (let slot = 0; slot < this.ids.length; slot++)
      if (this.dead[slot] === 0) lengths[renumber[slot]!] = this.lengths[slot]!;
    this.import({ dictionary, termStarts, offsets, slots, frequencies, ids, lengths });
  }

  /** The postings frozen (freezing first), to store. The arrays are the index's own: do not change them. */
  export(): FrozenPostings {
    this.freeze();
    return {
      dictionary: this.dictionary,
      termStarts: this.termStarts,
      offsets: this.offsets,
      slots: this.slots,
      frequencies: this.frequencies,
      ids: this.ids,
      lengths: this.lengths.slice(0, this.ids.length),
    };
  }

  /**
   * Replaces everything with a frozen block (from {@link Postings.export}; its terms sorted by code unit);
   * the arrays are taken, not copied.
   */
  import(block: FrozenPostings): void {
    const { dictionary, termStarts, offsets, slots, frequencies, ids, lengths } = block;
    const terms = termStarts.length - 1;
    if (
      terms < 0 ||
      offsets.length !== terms + 1 ||
      slots.length !== frequencies.length ||
      lengths.length !== ids.length ||
      termStarts[terms] !== dictionary.length
    )
      throw new Error('postings: inconsistent block');
    if (offsets[terms] !== slots.length) throw new Error('postings: offsets do not cover the postings');
    this.dictionary = dictionary;
    this.termStarts = termStarts;
    this.offsets = offsets;
    this.slots = slots;
    this.frequencies = frequencies;
    this.freshTermIds = new Map();
    this.freshTerms = [];
    this.fresh = new Map();
    this.freshCount = 0;
    this.ids = ids;
    this.slotOf = new Map();
    for (let slot = 0; slot < ids.length; slot++) this.slotOf.set(ids[slot]!, slot);
    this.lengths = lengths;
    this.dead = new Uint8Array(ids.length);
    this.deadCount = 0;
    let total = 0;
    for (let slot = 0; slot < lengths.length; slot++) total += lengths[slot]!;
    this.totalLength = total;
    this.termGeneration++;
  }
}
