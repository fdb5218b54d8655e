/**
 * The learned rerank model: a linear score over `RANKING_FEATURES`, each standardised by `mean`
 * and `scale` first. Written by `src/bench/train-reranker.ts` from the train splits only; re-run
 * it after changing a feature.
 */
export const RERANKER_WEIGHTS = {
  features: ['bm25Relative', 'bm25Standardized', 'queryCoverage', 'fullCoverage', 'claimCoverage', 'headlineCoverage', 'rareWordsMatched', 'fuzzy', 'characterSimilarity', 'claimantPrior', 'mediaMatch'],
  mean: [0.5892, 1.304, 0.2381, 0.2879, 0.2421, 0.2109, 0.8494, 0.009543, 0.2414, 0.2154, 0.05603],
  scale: [0.2401, 1.414, 0.1801, 0.2186, 0.1486, 0.1204, 0.2999, 0.0771, 0.1129, 0.3381, 0.23],
  weights: [0.9102, 0.6475, -0.7086, 0.04189, -0.1279, 0.3434, 0.1512, 0.07613, 0.7448, 0.9369, 0.1628],
} as const;
