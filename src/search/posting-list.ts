import { FIELD_COUNT } from './fields.js';

const INITIAL_CAPACITY = 4;
const MAX_TF = 255;

/**
 * The documents holding one term, as parallel typed arrays: document slots in ascending order
 * and, per slot, the term's count in each field. New documents get higher slots, so appending
 * keeps the order, and removal is a binary search plus one shift.
 */
export class PostingList {
  slots = new Int32Array(INITIAL_CAPACITY);
  /** `FIELD_COUNT` counts per posting, capped at 255. */
  counts = new Uint8Array(INITIAL_CAPACITY * FIELD_COUNT);
  length = 0;

  append(slot: number, fieldCounts: ArrayLike<number>): void {
    if (this.length === this.slots.length) this.grow();
    this.slots[this.length] = slot;
    const base = this.length * FIELD_COUNT;
    for (let field = 0; field < FIELD_COUNT; field++) {
      this.counts[base + field] = Math.min(MAX_TF, fieldCounts[field] ?? 0);
    }
    this.length++;
  }

  remove(slot: number): boolean {
    const at = this.indexOf(slot);
    if (at < 0) return false;
    this.slots.copyWithin(at, at + 1, this.length);
    this.counts.copyWithin(at * FIELD_COUNT, (at + 1) * FIELD_COUNT, this.length * FIELD_COUNT);
    this.length--;
    if (this.length > INITIAL_CAPACITY && this.length * 4 < this.slots.length) this.resize(this.slots.length >> 1);
    return true;
  }

  /** Applies an order-keeping renumbering of slots (`newSlot[old]`); every slot here must be live. */
  renumber(newSlot: Int32Array): void {
    for (let i = 0; i < this.length; i++) this.slots[i] = newSlot[this.slots[i]!]!;
  }

  private indexOf(slot: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.slots[middle]!;
      if (value === slot) return middle;
      if (value < slot) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private grow(): void {
    this.resize(this.slots.length * 2);
  }

  private resize(capacity: number): void {
    const slots = new Int32Array(capacity);
    slots.set(this.slots.subarray(0, this.length));
    const counts = new Uint8Array(capacity * FIELD_COUNT);
    counts.set(this.counts.subarray(0, this.length * FIELD_COUNT));
    this.slots = slots;
    this.counts = counts;
  }
}
