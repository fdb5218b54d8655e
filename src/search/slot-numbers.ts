import { grown } from './typed-arrays.js';

/** What a slot holds before a number is set (and after `clear`). */
export const UNSET = -1;

/**
 * A number per document slot (a claimant's, a vector's place), in one growable Int32Array,
 * following the index's renumbering of its slots. A lookup reads fifty of them: from a typed
 * array that stays in the caches, where a map from claim id cost about a microsecond each.
 */
export class SlotNumbers {
  private values = new Int32Array(16).fill(UNSET);

  get(slot: number): number {
    return slot < this.values.length ? this.values[slot]! : UNSET;
  }

  set(slot: number, value: number): void {
    if (slot >= this.values.length) {
      this.values = grown(this.values, Math.max(slot + 1, this.values.length * 2), Int32Array).fill(UNSET, this.values.length);
    }
    this.values[slot] = value;
  }

  /** Moves every number to its slot's new place (`newSlot`: old slot → new slot, -1 for an emptied one). */
  renumber(newSlot: Int32Array): void {
    const values = new Int32Array(this.values.length).fill(UNSET);
    for (let slot = 0; slot < newSlot.length && slot < this.values.length; slot++) {
      if (newSlot[slot]! >= 0) values[newSlot[slot]!] = this.values[slot]!;
    }
    this.values = values;
  }

  /** Forgets every number. */
  clear(): void {
    this.values.fill(UNSET);
  }
}
