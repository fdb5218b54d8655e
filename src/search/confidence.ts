import { SEARCH_CONFIG } from './config.js';
import type { MatchFeatures } from './match-features.js';

/**
 * Probability-like confidence that a hit is the claim the query is about: a logistic function of
 * ratios that mean the same in a store of 25 claims or of a million (coverage, similarity, the
 * lead over the runner-up), never of raw BM25 scores, which grow with the store.
 */
export function confidenceOf(features: MatchFeatures, fuzzy: number, margin: number): number {
  const c = SEARCH_CONFIG.confidence;
  const z =
    c.intercept +
    c.claimCoverage * features.claimCoverage +
    c.headlineCoverage * features.headlineCoverage +
    c.queryCoverage * features.queryCoverage +
    c.fuzzy * fuzzy +
    c.margin * margin;
  return 1 / (1 + Math.exp(-z));
}
