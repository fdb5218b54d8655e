import { describe, expect, it } from 'vitest';
import { SlotList } from '../../src/search/slot-list.js';

describe('SlotList', () => {
  it('keeps slots in the order pushed, growing as needed', () => {
    const list = new SlotList();
    for (let slot = 0; slot < 5000; slot++) list.push(slot * 3);
    expect(list.length).toBe(5000);
    expect(list.view()[4999]).toBe(14997);
    expect(Array.from(list.view().subarray(0, 3))).toEqual([0, 3, 6]);
  });

  it('starts empty again after clear, reusing its storage', () => {
    const list = new SlotList();
    list.push(7);
    const items = list.items;
    list.clear();
    list.push(9);
    expect(Array.from(list.view())).toEqual([9]);
    expect(list.items).toBe(items);
  });
});
