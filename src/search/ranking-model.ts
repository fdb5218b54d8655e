import { treesScore, type BoostedTrees } from './boosted-trees.js';
import { linearScore, type LinearModel } from './linear-model.js';

/** The rerank model: a linear score over the standardised features, plus boosted trees over the raw features when learned. */
export interface RankingModel extends LinearModel {
  readonly trees?: BoostedTrees;
}

export function rankingScore(model: RankingModel, x: ArrayLike<number>): number {
  const linear = linearScore(model, x);
  return model.trees ? linear + treesScore(model.trees, x) : linear;
}
