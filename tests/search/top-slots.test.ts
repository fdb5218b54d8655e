import { describe, expect, it } from 'vitest';
import { selectBest } from '../../src/search/top-slots.js';

describe('selectBest', () => {
  const scores = Float64Array.from([0.5, 3, 1, 9, 2, 7]);
  const all = [0, 1, 2, 3, 4, 5];

  it('returns the highest-scoring slots, best first', () => {
    expect(selectBest(all, scores, 3, () => true)).toEqual([
      { slot: 3, score: 9 },
      { slot: 5, score: 7 },
      { slot: 1, score: 3 },
    ]);
  });

  it('skips slots that are not accepted', () => {
    expect(selectBest(all, scores, 2, (slot) => slot !== 3).map((hit) => hit.slot)).toEqual([5, 1]);
  });

  it('returns fewer when fewer slots are given', () => {
    expect(selectBest([2, 4], scores, 10, () => true).map((hit) => hit.slot)).toEqual([4, 2]);
  });
});
