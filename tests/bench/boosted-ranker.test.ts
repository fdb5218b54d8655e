import { describe, expect, it } from 'vitest';
import { trainBoostedTrees } from '../../src/bench/boosted-ranker.js';
import { treesScore } from '../../src/search/boosted-trees.js';

describe('trainBoostedTrees', () => {
  it('learns an interaction a linear score cannot: feature 1 counts only where feature 0 is high', () => {
    // The right candidate has the higher feature 1 when feature 0 is above 0.5 (most queries), the lower one otherwise.
    const groups = Array.from({ length: 200 }, (_, q) => {
      const high = q % 4 === 0 ? 0.2 : 0.8;
      const a = [high, 0.9, (q % 7) / 7];
      const b = [high, 0.1, (q % 5) / 5];
      return { vectors: [a, b], relevant: [high > 0.5, high <= 0.5] };
    });
    const base = groups.map(() => new Float64Array(2));
    const trees = trainBoostedTrees(groups, base, 3, { trees: 20, depth: 2, minLeaf: 10 });
    for (const group of groups) {
      const [a, b] = group.vectors.map((vector) => treesScore(trees, vector));
      expect(a! > b!).toBe(group.relevant[0]);
    }
  });

  it('keeps every tree complete, with leaves for every path', () => {
    const groups = [{ vectors: [[1], [0]], relevant: [true, false] }];
    const trees = trainBoostedTrees(groups, [new Float64Array(2)], 1, { trees: 3, depth: 3, minLeaf: 1 });
    expect(trees.leaves).toHaveLength(3);
    for (let t = 0; t < 3; t++) {
      expect(trees.features[t]).toHaveLength(7);
      expect(trees.thresholds[t]).toHaveLength(7);
      expect(trees.leaves[t]).toHaveLength(8);
    }
    expect(treesScore(trees, [1])).toBeGreaterThan(treesScore(trees, [0]));
  });
});
