import { describe, expect, it } from 'vitest';
import { trainPairwiseLogistic } from '../../src/bench/pairwise-logistic.js';
import { linearScore } from '../../src/search/linear-model.js';

describe('trainPairwiseLogistic', () => {
  it('learns to rank the right candidate first by the feature that tells it apart, not by noise', () => {
    // Feature 0 separates the right answer; feature 1 is the same noise for everyone.
    const groups = Array.from({ length: 40 }, (_, q) => ({
      vectors: [
        [0.9 - (q % 5) * 0.05, q % 3],
        [0.2 + (q % 7) * 0.05, q % 3],
        [0.1, q % 3],
      ],
      relevant: [true, false, false],
    }));
    const model = trainPairwiseLogistic(groups, ['signal', 'noise']);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(Math.abs(model.weights[1]!)).toBeLessThan(Math.abs(model.weights[0]!));
    for (const group of groups) {
      const scores = group.vectors.map((vector) => linearScore(model, vector));
      expect(scores[0]).toBeGreaterThan(Math.max(scores[1]!, scores[2]!));
    }
  });

  it('learns nothing from a query without a right candidate', () => {
    const model = trainPairwiseLogistic([{ vectors: [[1], [0]], relevant: [false, false] }], ['only']);
    expect(model.weights).toEqual([0]);
  });
});
