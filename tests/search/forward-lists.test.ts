import { describe, expect, it } from 'vitest';
import { ForwardLists } from '../../src/search/forward-lists.js';
import { joinedPieces } from '../../src/search/typed-arrays.js';

const list = (lists: ForwardLists, slot: number) => [...lists.at(slot)];

describe('ForwardLists', () => {
  it("keeps each slot's term ids, across many chunks, each list in one piece", () => {
    const lists = new ForwardLists();
    for (let slot = 0; slot < 3000; slot++) lists.set(slot, Array.from({ length: slot % 50 }, (_, i) => slot + i), slot % 50);
    for (const slot of [0, 1, 49, 50, 1234, 2999]) expect(list(lists, slot)).toEqual(Array.from({ length: slot % 50 }, (_, i) => slot + i));
    expect(list(lists, 5000)).toEqual([]);
  });

  it('takes only the first `count` ids given, and forgets a cleared slot', () => {
    const lists = new ForwardLists();
    lists.set(0, new Int32Array([7, 8, 9, 10]), 2);
    lists.set(1, [3], 1);
    lists.clear(0);
    expect(list(lists, 0)).toEqual([]);
    expect(list(lists, 1)).toEqual([3]);
  });

  it('renumbers slots in order, dropping those mapped to -1', () => {
    const lists = new ForwardLists();
    [[1, 2], [3], [4, 5, 6]].forEach((terms, slot) => lists.set(slot, terms, terms.length));
    lists.renumber(new Int32Array([0, -1, 1]));
    expect([list(lists, 0), list(lists, 1), list(lists, 2)]).toEqual([[1, 2], [4, 5, 6], []]);
  });

  it('round-trips through the snapshot form and takes new lists after a restore', () => {
    const lists = new ForwardLists();
    [[1, 2], [], [4, 5, 6]].forEach((terms, slot) => lists.set(slot, terms, terms.length));
    const state = lists.exportState(3);
    expect([...joinedPieces(state.forward, Int32Array)]).toEqual([1, 2, 4, 5, 6]);
    const restored = ForwardLists.fromState(state.docStart, state.docLength, state.forward);
    restored.set(3, [9, 9], 2);
    expect([0, 1, 2, 3].map((slot) => list(restored, slot))).toEqual([[1, 2], [], [4, 5, 6], [9, 9]]);
  });

  it('exports views on its chunks, not a copy, that later changes leave as they were', () => {
    const lists = new ForwardLists();
    [[1, 2], [3], [4, 5, 6]].forEach((terms, slot) => lists.set(slot, terms, terms.length));
    const before = lists.exportState(3);
    // Slots written end to end in one chunk export as one view on it.
    expect(before.forward).toHaveLength(1);
    lists.set(1, [7, 8], 2);
    lists.clear(2);
    expect([...joinedPieces(before.forward, Int32Array)]).toEqual([1, 2, 3, 4, 5, 6]);
    const after = lists.exportState(3);
    expect([...after.docLength]).toEqual([2, 2, 0]);
    expect([...joinedPieces(after.forward, Int32Array)]).toEqual([1, 2, 7, 8]);
    const restored = ForwardLists.fromState(after.docStart, after.docLength, after.forward);
    expect([0, 1, 2].map((slot) => list(restored, slot))).toEqual([[1, 2], [7, 8], []]);
  });
});
