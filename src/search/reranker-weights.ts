import type { RankingModel } from './ranking-model.js';

/**
 * The learned rerank models: linear scores over `RANKING_FEATURES` and `SEMANTIC_RANKING_FEATURES`,
 * each feature standardised by `mean` and `scale` first. Written by
 * `src/bench/train-reranker.ts --write` from the train splits only; re-run it after changing a feature.
 */
export const RERANKER_WEIGHTS: RankingModel = {
  features: ['bm25Relative', 'bm25Standardized', 'queryCoverage', 'fullCoverage', 'claimCoverage', 'headlineCoverage', 'rareWordsMatched', 'fuzzy', 'characterSimilarity', 'claimantPrior', 'mediaMatch', 'titleSimilarity', 'sameMonth'],
  mean: [0.5892, 1.304, 0.2381, 0.2879, 0.2421, 0.2109, 0.8494, 0.009543, 0.2414, 0.2154, 0.05603, 0.186, 0.01147],
  scale: [0.2401, 1.414, 0.1801, 0.2186, 0.1486, 0.1204, 0.2999, 0.0771, 0.1129, 0.3381, 0.23, 0.1067, 0.1065],
  weights: [0.8069, 0.6616, -0.6605, 0.08462, 0.1035, 0.06223, 0.1056, 0.1266, 0.4988, 0.9588, 0.1713, 0.7806, 0.2828],
};

/** Used when the sentence encoder runs and every candidate of the query is embedded. */
export const SEMANTIC_RERANKER_WEIGHTS: RankingModel = {
  features: ['bm25Relative', 'bm25Standardized', 'queryCoverage', 'fullCoverage', 'claimCoverage', 'headlineCoverage', 'rareWordsMatched', 'claimantPrior', 'mediaMatch', 'titleSimilarity', 'sameMonth', 'semanticSimilarity'],
  mean: [0.5892, 1.304, 0.2381, 0.2879, 0.2421, 0.2109, 0.8494, 0.2154, 0.05603, 0.186, 0.01147, 0.4626],
  scale: [0.2401, 1.414, 0.1801, 0.2186, 0.1486, 0.1204, 0.2999, 0.3381, 0.23, 0.1067, 0.1065, 0.1928],
  weights: [0.635, 0.5317, -0.5647, 0.2667, 0.1097, 0.02012, 0.1287, 0.9098, 0.1119, 0.613, 0.2821, 1.829],
};
