/**
 * The learned rerank model: a linear score over `RANKING_FEATURES`, each standardised by `mean`
 * and `scale` first. Written by `src/bench/train-reranker.ts` from the train splits only; re-run
 * it after changing a feature.
 */
export const RERANKER_WEIGHTS = {
  features: ['bm25Relative', 'bm25Standardized', 'queryCoverage', 'fullCoverage', 'claimCoverage', 'headlineCoverage', 'rareWordsMatched', 'wordPairs', 'numbersMatched', 'numbersMissed', 'fuzzy', 'characterSimilarity'],
  mean: [0.5892, 1.304, 0.2381, 0.2879, 0.2421, 0.2109, 0.8494, 0.09161, 0.06298, 0.247, 0.009543, 0.2414],
  scale: [0.2401, 1.414, 0.1801, 0.2186, 0.1486, 0.1204, 0.2999, 0.1779, 0.2322, 0.4253, 0.0771, 0.1129],
  weights: [0.881, 0.6789, -0.7134, 0.04463, -0.1373, 0.4727, 0.1123, -0.02876, -0.07044, 0.04088, 0.1035, 0.7663],
} as const;
