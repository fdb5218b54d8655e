import { describe, expect, it } from 'vitest';
import { kthBestScore, selectBest } from '../../src/search/top-slots.js';

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

  it('gives equal scores to the lower slot, whatever order the slots come in', () => {
    const tied = Float64Array.from([5, 5, 5, 5, 9]);
    for (const order of [[0, 1, 2, 3, 4], [3, 2, 1, 0, 4], [2, 4, 0, 3, 1]]) {
      expect(selectBest(order, tied, 3, () => true).map((hit) => hit.slot)).toEqual([4, 0, 1]);
    }
  });

  it('returns fewer when fewer slots are given', () => {
    expect(selectBest([2, 4], scores, 10, () => true).map((hit) => hit.slot)).toEqual([4, 2]);
  });
});

describe('kthBestScore', () => {
  const scores = Float64Array.from([0.5, 3, 1, 9, 2, 7]);
  const all = [0, 1, 2, 3, 4, 5];

  it('is the score of the limit-th best slot', () => {
    expect(kthBestScore(all, scores, 1, () => true)).toBe(9);
    expect(kthBestScore(all, scores, 3, () => true)).toBe(3);
    expect(kthBestScore(all, scores, 6, () => true)).toBe(0.5);
  });

  it('counts only accepted slots', () => {
    expect(kthBestScore(all, scores, 2, (slot) => slot !== 3)).toBe(3);
  });

  it('is -Infinity when fewer slots than the limit pass', () => {
    expect(kthBestScore([2, 4], scores, 3, () => true)).toBe(-Infinity);
    expect(kthBestScore(all, scores, 0, () => true)).toBe(-Infinity);
  });

  it('agrees with selectBest on many random pools, ties included', () => {
    let state = 7;
    const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let round = 0; round < 200; round++) {
      const pool = Float64Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() * 40));
      const slots = Array.from(pool, (_, i) => i);
      const limit = 1 + Math.floor(random() * 60);
      const accept = (slot: number) => slot % 7 !== 3;
      const best = selectBest(slots, pool, limit, accept);
      expect(kthBestScore(slots, pool, limit, accept)).toBe(best.length === limit ? best[limit - 1]!.score : -Infinity);
    }
  });
});
