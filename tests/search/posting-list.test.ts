import { describe, expect, it } from 'vitest';
import { PostingList } from '../../src/search/posting-list.js';

const slotsOf = (list: PostingList): number[] => Array.from(list.slots.subarray(0, list.length));

describe('PostingList', () => {
  it('grows past its initial capacity and keeps per-field counts with each slot', () => {
    const list = new PostingList();
    for (let slot = 0; slot < 100; slot++) list.append(slot, [slot % 3, 1, 0]);
    expect(list.length).toBe(100);
    expect(Array.from(list.counts.subarray(99 * 3, 100 * 3))).toEqual([0, 1, 0]);
  });

  it('removes a slot and shifts its counts with it', () => {
    const list = new PostingList();
    list.append(2, [1, 0, 0]);
    list.append(5, [2, 0, 0]);
    list.append(9, [3, 0, 0]);
    expect(list.remove(5)).toBe(true);
    expect(list.remove(7)).toBe(false);
    expect(slotsOf(list)).toEqual([2, 9]);
    expect(list.counts[3]).toBe(3);
  });

  it('caps counts at 255', () => {
    const list = new PostingList();
    list.append(0, [1000, 0, 0]);
    expect(list.counts[0]).toBe(255);
  });

  it('shrinks after most postings are removed', () => {
    const list = new PostingList();
    for (let slot = 0; slot < 64; slot++) list.append(slot, [1, 0, 0]);
    for (let slot = 0; slot < 60; slot++) list.remove(slot);
    expect(slotsOf(list)).toEqual([60, 61, 62, 63]);
    expect(list.slots.length).toBeLessThan(64);
  });
});
