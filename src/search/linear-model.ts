/** A linear scorer over standardised features: Σ weight · (x − mean) / scale. */
export interface LinearModel {
  readonly features: readonly string[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
}

export function linearScore(model: LinearModel, x: ArrayLike<number>): number {
  let score = 0;
  for (let j = 0; j < model.weights.length; j++) {
    score += (model.weights[j]! * ((x[j] ?? 0) - model.mean[j]!)) / (model.scale[j]! || 1);
  }
  return score;
}
