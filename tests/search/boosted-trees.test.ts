import { describe, expect, it } from 'vitest';
import { treesScore, type BoostedTrees } from '../../src/search/boosted-trees.js';

describe('treesScore', () => {
  it('walks each tree right above a threshold, left at or below it, and sums the leaves', () => {
    const trees: BoostedTrees = {
      depth: 1,
      features: [[0], [1]],
      thresholds: [[0.5], [Infinity]],
      leaves: [
        [-1, 1],
        [0.25, 100],
      ],
    };
    expect(treesScore(trees, [0.5, 7])).toBe(-0.75);
    expect(treesScore(trees, [0.6, 7])).toBe(1.25);
  });

  it('reads heap order at depth two', () => {
    const trees: BoostedTrees = { depth: 2, features: [[0, 1, 1]], thresholds: [[0, 0, 0]], leaves: [[1, 2, 3, 4]] };
    expect(treesScore(trees, [0, 0])).toBe(1);
    expect(treesScore(trees, [0, 1])).toBe(2);
    expect(treesScore(trees, [1, 0])).toBe(3);
    expect(treesScore(trees, [1, 1])).toBe(4);
  });
});
