/**
 * The learned rerank model: a linear score over `RANKING_FEATURES`, each standardised by `mean`
 * and `scale` first. Written by `src/bench/train-reranker.ts` from the train splits only; re-run
 * it after changing a feature.
 */
export const RERANKER_WEIGHTS = {
  features: ['bm25Relative', 'bm25Standardized', 'queryCoverage', 'fullCoverage', 'claimCoverage', 'headlineCoverage', 'rareWordsMatched', 'fuzzy', 'characterSimilarity'],
  mean: [0.5892, 1.304, 0.2381, 0.2879, 0.2421, 0.2109, 0.8494, 0.009543, 0.2414],
  scale: [0.2401, 1.414, 0.1801, 0.2186, 0.1486, 0.1204, 0.2999, 0.0771, 0.1129],
  weights: [0.8852, 0.6718, -0.7379, 0.02727, -0.1456, 0.4701, 0.1112, 0.1076, 0.7687],
} as const;
