import { describe, expect, it } from 'vitest';
import { SlotNumbers, UNSET } from '../../src/search/slot-numbers.js';

describe('SlotNumbers', () => {
  it('holds a number per slot, UNSET where none was set, growing as slots are set', () => {
    const numbers = new SlotNumbers();
    numbers.set(3, 7);
    numbers.set(5000, 9);
    expect([numbers.get(3), numbers.get(5000), numbers.get(4), numbers.get(1_000_000)]).toEqual([7, 9, UNSET, UNSET]);
  });

  it('follows a renumbering of the slots, dropping emptied ones', () => {
    const numbers = new SlotNumbers();
    [10, 11, 12, 13].forEach((value, slot) => numbers.set(slot, value));
    numbers.renumber(Int32Array.of(0, -1, 1, -1));
    expect([0, 1, 2, 3].map((slot) => numbers.get(slot))).toEqual([10, 12, UNSET, UNSET]);
  });

  it('forgets everything on clear', () => {
    const numbers = new SlotNumbers();
    numbers.set(0, 1);
    numbers.clear();
    expect(numbers.get(0)).toBe(UNSET);
  });
});
