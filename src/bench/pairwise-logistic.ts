import type { LinearModel } from '../search/linear-model.js';

/** One query's candidate pool: a feature vector per candidate and whether it is a right answer. */
export interface RankingGroup {
  vectors: readonly ArrayLike<number>[];
  relevant: readonly boolean[];
}

export interface TrainingOptions {
  /** L2 penalty on the (standardised) weights. */
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

/**
 * Fits a linear ranking model by pairwise logistic regression (RankNet with a linear scorer):
 * for every right answer and every wrong candidate of the same query, the right one should score
 * higher. Each query weighs the same however many pairs it has. Features are standardised first,
 * so the L2 penalty treats them alike. Full-batch gradient descent with Adam: small data, exact.
 */
export function trainPairwiseLogistic(groups: readonly RankingGroup[], names: readonly string[], options: TrainingOptions = {}): LinearModel {
  const { l2 = 1e-3, iterations = 400, learningRate = 0.05 } = options;
  const dimensions = names.length;
  const { mean, scale } = standardisation(groups, dimensions);
  const pairs: { difference: Float64Array; weight: number }[] = [];
  for (const group of groups) {
    const right = group.vectors.filter((_, i) => group.relevant[i]);
    const wrong = group.vectors.filter((_, i) => !group.relevant[i]);
    const count = right.length * wrong.length;
    for (const r of right) {
      for (const w of wrong) {
        const difference = new Float64Array(dimensions);
        for (let j = 0; j < dimensions; j++) difference[j] = ((r[j] ?? 0) - (w[j] ?? 0)) / scale[j]!;
        pairs.push({ difference, weight: 1 / count });
      }
    }
  }
  const totalWeight = pairs.reduce((sum, pair) => sum + pair.weight, 0) || 1;
  const weights = new Float64Array(dimensions);
  const moment = new Float64Array(dimensions);
  const velocity = new Float64Array(dimensions);
  for (let step = 1; step <= iterations; step++) {
    const gradient = new Float64Array(dimensions);
    for (const { difference, weight } of pairs) {
      let margin = 0;
      for (let j = 0; j < dimensions; j++) margin += weights[j]! * difference[j]!;
      // d/dw log(1 + e^(−margin)) = −σ(−margin) · difference
      const pull = weight / (1 + Math.exp(margin));
      for (let j = 0; j < dimensions; j++) gradient[j]! -= (pull * difference[j]!) / totalWeight;
    }
    for (let j = 0; j < dimensions; j++) {
      const g = gradient[j]! + l2 * weights[j]!;
      moment[j] = 0.9 * moment[j]! + 0.1 * g;
      velocity[j] = 0.999 * velocity[j]! + 0.001 * g * g;
      const corrected = moment[j]! / (1 - 0.9 ** step);
      const spread = Math.sqrt(velocity[j]! / (1 - 0.999 ** step)) + 1e-8;
      weights[j]! -= (learningRate * corrected) / spread;
    }
  }
  return { features: [...names], mean: [...mean], scale: [...scale], weights: [...weights] };
}

function standardisation(groups: readonly RankingGroup[], dimensions: number): { mean: Float64Array; scale: Float64Array } {
  const mean = new Float64Array(dimensions);
  const scale = new Float64Array(dimensions);
  let rows = 0;
  for (const group of groups) {
    for (const vector of group.vectors) {
      rows += 1;
      for (let j = 0; j < dimensions; j++) mean[j]! += vector[j] ?? 0;
    }
  }
  for (let j = 0; j < dimensions; j++) mean[j]! /= rows || 1;
  for (const group of groups) {
    for (const vector of group.vectors) for (let j = 0; j < dimensions; j++) scale[j]! += ((vector[j] ?? 0) - mean[j]!) ** 2;
  }
  for (let j = 0; j < dimensions; j++) scale[j] = Math.sqrt(scale[j]! / (rows || 1)) || 1;
  return { mean, scale };
}
