import { SEARCH_CONFIG } from './config.js';
import type { MatchFeatures } from './match-features.js';

/**
 * Probability-like confidence that a hit is the claim the query is about: a logistic function of
 * ratios that mean the same in a store of 25 claims or of a million (IDF-weighted coverage both
 * ways, the lead over the runner-up), never of raw BM25 scores, which grow with the store.
 */
export function confidenceOf(features: MatchFeatures, margin: number): number {
  const c = SEARCH_CONFIG.confidence;
  const z =
    c.intercept +
    c.claimCoverage * features.claimCoverage +
    c.queryCoverage * features.queryCoverage +
    c.rareWordsMatched * Math.log1p(features.rareWordsMatched) +
    c.margin * margin;
  return 1 / (1 + Math.exp(-z));
}
