import type { RankingModel } from '../search/ranking-model.js';

/**
 * The TypeScript source of src/search/reranker-weights.ts: the lexical model, and the model learned
 * with the sentence encoder's similarity as one more feature.
 */
export function modelSource(lexical: RankingModel, semantic: RankingModel): string {
  return `import type { RankingModel } from './ranking-model.js';

/**
 * The learned rerank models: linear scores over \`RANKING_FEATURES\` and \`SEMANTIC_RANKING_FEATURES\`,
 * each feature standardised by \`mean\` and \`scale\` first${lexical.trees ? ', plus boosted trees over the raw features' : ''}. Written by
 * \`src/bench/train-reranker.ts --write\` from the train splits only; re-run it after changing a feature.
 */
export const RERANKER_WEIGHTS: RankingModel = ${modelLiteral(lexical)};

/** Used when the sentence encoder runs and every candidate of the query is embedded. */
export const SEMANTIC_RERANKER_WEIGHTS: RankingModel = ${modelLiteral(semantic)};
`;
}

function modelLiteral(model: RankingModel): string {
  const list = (values: readonly number[]) => `[${values.map((value) => Number(value.toPrecision(4))).join(', ')}]`;
  // Thresholds are training values: kept exact, so a candidate equal to one falls on the side it fell in training.
  const exact = (values: readonly number[]) => `[${values.map((value) => (Number.isFinite(value) ? String(value) : 'Infinity')).join(', ')}]`;
  const trees = model.trees;
  const treeLines = trees
    ? `
  trees: {
    depth: ${trees.depth},
    features: [
${trees.features.map((features) => `      [${features.join(', ')}],`).join('\n')}
    ],
    thresholds: [
${trees.thresholds.map((thresholds) => `      ${exact(thresholds)},`).join('\n')}
    ],
    leaves: [
${trees.leaves.map((leaves) => `      ${list(leaves)},`).join('\n')}
    ],
  },`
    : '';
  return `{
  features: [${model.features.map((name) => `'${name}'`).join(', ')}],
  mean: ${list(model.mean)},
  scale: ${list(model.scale)},
  weights: ${list(model.weights)},${treeLines}
}`;
}
