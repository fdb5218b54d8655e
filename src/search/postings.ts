import { PostingList } from './posting-list.js';
import { ESCAPED, exactCounts, packCounts } from './packed-counts.js';

/**
 * Tails are folded into the packed base once they hold this many postings and a quarter as many
 * as the base. A tail posting takes 7 bytes plus its list's spare room, a packed one 5: folding
 * early keeps a large build's peak memory (old base, tails and new base at once at a fold) near
 * 2.4 times the final postings instead of near 3, for about twice the copying (still linear).
 */
const MIN_TAIL_POSTINGS_TO_MERGE = 1 << 16;
const TAIL_SHARE_TO_MERGE = 0.25;

/** The packed postings of every term, as the snapshot stores them. */
export interface PackedPostings {
  /** Term t's postings are at [start[t], start[t + 1]); terms beyond the end have none. */
  start: Int32Array;
  slots: Int32Array;
  /** One byte per posting (`packCounts`). */
  counts: Uint8Array;
  /** Pairs (position, `exactCounts`) for the postings whose counts did not pack. */
  escapes: Int32Array;
}

/**
 * Every term's postings: a packed base (all terms in one array, one byte of counts per posting,
 * a few thousand typed arrays fewer than one list per term) plus a small growable `PostingList`
 * tail per term for documents added since the base was built. Slots only grow, so base then tail
 * is in slot order. Removed documents stay in the lists until the next `rebuild` and are skipped
 * by the scorer (their field scales are zero).
 */
export class Postings {
  start: Int32Array = new Int32Array(1);
  slots: Int32Array = new Int32Array(0);
  counts: Uint8Array = new Uint8Array(0);
  /** Position in the base → exact counts, for the postings stored as `ESCAPED`. */
  escapes = new Map<number, number>();
  tails: (PostingList | undefined)[] = [];
  private tailPostings = 0;
  private readonly scratch = [0, 0, 0];

  get basePostings(): number {
    return this.slots.length;
  }

  /** The base range of a term: [from, to). */
  baseFrom(termId: number): number {
    return termId + 1 < this.start.length ? this.start[termId]! : 0;
  }

  baseTo(termId: number): number {
    return termId + 1 < this.start.length ? this.start[termId + 1]! : 0;
  }

  /** Exact counts of a base posting whose byte is `ESCAPED`. */
  escaped(position: number): number {
    return this.escapes.get(position) ?? 0;
  }

  append(termId: number, slot: number, claim: number, title: number, summary: number): void {
    let tail = this.tails[termId];
    if (!tail) {
      while (this.tails.length <= termId) this.tails.push(undefined);
      tail = this.tails[termId] = new PostingList();
    }
    this.scratch[0] = claim;
    this.scratch[1] = title;
    this.scratch[2] = summary;
    tail.append(slot, this.scratch);
    this.tailPostings++;
  }

  /** Whether enough has been appended since the last rebuild that folding it into the base pays off. */
  get tailsAreLarge(): boolean {
    return this.tailPostings >= MIN_TAIL_POSTINGS_TO_MERGE && this.tailPostings >= this.basePostings * TAIL_SHARE_TO_MERGE;
  }

  get hasTails(): boolean {
    return this.tailPostings > 0;
  }

  /**
   * Folds the tails into a new packed base, dropping removed documents' postings and applying
   * `newSlot` (old slot → new slot, -1 for a removed one; it must keep the slot order).
   */
  rebuild(termCount: number, newSlot: Int32Array): void {
    if (isIdentity(newSlot)) {
      this.foldTails(termCount);
      return;
    }
    const start = new Int32Array(termCount + 1);
    for (let termId = 0; termId < termCount; termId++) {
      let live = 0;
      for (let i = this.baseFrom(termId), end = this.baseTo(termId); i < end; i++) if (newSlot[this.slots[i]!]! >= 0) live++;
      const tail = this.tails[termId];
      if (tail) for (let i = 0; i < tail.length; i++) if (newSlot[tail.slots[i]!]! >= 0) live++;
      start[termId + 1] = start[termId]! + live;
    }
    const base = emptyBase(start);
    const { slots, counts, escapes } = base;
    let at = 0;
    for (let termId = 0; termId < termCount; termId++) {
      for (let i = this.baseFrom(termId), end = this.baseTo(termId); i < end; i++) {
        const slot = newSlot[this.slots[i]!]!;
        if (slot < 0) continue;
        slots[at] = slot;
        counts[at] = this.counts[i]!;
        if (this.counts[i] === ESCAPED) escapes.set(at, this.escapes.get(i)!);
        at++;
      }
      const tail = this.tails[termId];
      if (tail) at = packTail(tail, newSlot, base, at);
    }
    this.adopt(base);
  }

  /**
   * `rebuild` when no slot moves or goes (additions only, as after an import): each term's base
   * range is copied whole, not posting by posting, and only the tails are packed one by one.
   */
  private foldTails(termCount: number): void {
    const start = new Int32Array(termCount + 1);
    for (let termId = 0; termId < termCount; termId++) {
      start[termId + 1] = start[termId]! + (this.baseTo(termId) - this.baseFrom(termId)) + (this.tails[termId]?.length ?? 0);
    }
    const base = emptyBase(start);
    const { slots, counts, escapes } = base;
    // The base is copied in runs: every term up to the next one with a tail, in one go.
    let copied = 0;
    for (let termId = 0; termId < termCount; termId++) {
      const tail = this.tails[termId];
      if (!tail) continue;
      // Terms past the old base (new words) have no base range: the whole base lies before them.
      const end = termId + 1 < this.start.length ? this.start[termId + 1]! : this.slots.length;
      const shift = start[termId + 1]! - tail.length - end;
      slots.set(this.slots.subarray(copied, end), copied + shift);
      counts.set(this.counts.subarray(copied, end), copied + shift);
      copied = end;
      packTail(tail, undefined, base, start[termId + 1]! - tail.length);
    }
    // What is left of the base comes last, where no tail follows it.
    const shift = slots.length - this.slots.length;
    slots.set(this.slots.subarray(copied), copied + shift);
    counts.set(this.counts.subarray(copied), copied + shift);
    // The base's rare exact counts move with their term's range.
    for (const [position, exact] of this.escapes) {
      const termId = termAt(this.start, position);
      escapes.set(position - this.start[termId]! + start[termId]!, exact);
    }
    this.adopt(base);
  }

  /** Takes a freshly packed base, with every tail folded into it. */
  private adopt(base: PackedBase): void {
    this.start = base.start;
    this.slots = base.slots;
    this.counts = base.counts;
    this.escapes = base.escapes;
    this.tails = [];
    this.tailPostings = 0;
  }

  /** The packed base (tails must have been folded in first). */
  toPacked(): PackedPostings {
    if (this.hasTails) throw new Error('Postings.toPacked needs the tails folded in first (rebuild)');
    const escapes = new Int32Array(this.escapes.size * 2);
    let i = 0;
    for (const [position, exact] of this.escapes) {
      escapes[i++] = position;
      escapes[i++] = exact;
    }
    return { start: this.start, slots: this.slots, counts: this.counts, escapes };
  }

  static fromPacked(packed: PackedPostings): Postings {
    const postings = new Postings();
    postings.start = packed.start;
    postings.slots = packed.slots;
    postings.counts = packed.counts;
    for (let i = 0; i + 1 < packed.escapes.length; i += 2) postings.escapes.set(packed.escapes[i]!, packed.escapes[i + 1]!);
    return postings;
  }
}

/** A packed base as `rebuild` makes it: term ranges, slots, one byte of counts each, escapes aside. */
interface PackedBase {
  start: Int32Array;
  slots: Int32Array;
  counts: Uint8Array;
  escapes: Map<number, number>;
}

/** A base with room for the postings that `start` (each term's range) counts, to be filled. */
function emptyBase(start: Int32Array): PackedBase {
  const total = start[start.length - 1]!;
  return { start, slots: new Int32Array(total), counts: new Uint8Array(total), escapes: new Map() };
}

/**
 * Packs a tail's postings into a new base from `at` on, each slot through `newSlot` (a removed one,
 * -1, is dropped; none given: slots stay); returns the position after the last one written.
 */
function packTail(
  tail: PostingList,
  newSlot: Int32Array | undefined,
  into: PackedBase,
  at: number,
): number {
  for (let i = 0; i < tail.length; i++) {
    const slot = newSlot ? newSlot[tail.slots[i]!]! : tail.slots[i]!;
    if (slot < 0) continue;
    const claim = tail.counts[i * 3]!;
    const title = tail.counts[i * 3 + 1]!;
    const summary = tail.counts[i * 3 + 2]!;
    into.slots[at] = slot;
    into.counts[at] = packCounts(claim, title, summary);
    if (into.counts[at] === ESCAPED) into.escapes.set(at, exactCounts(claim, title, summary));
    at++;
  }
  return at;
}

/** Whether every slot maps to itself. */
function isIdentity(newSlot: Int32Array): boolean {
  for (let slot = 0; slot < newSlot.length; slot++) if (newSlot[slot] !== slot) return false;
  return true;
}

/** The term whose base range holds `position`: the last term starting at or before it (ranges of empty terms are skipped). */
function termAt(start: Int32Array, position: number): number {
  let low = 0;
  let high = start.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (start[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}
