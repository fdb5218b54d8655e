import { SEARCH_CONFIG } from './config.js';
import type { MatchFeatures } from './match-features.js';

/**
 * The log-odds of `confidenceOf`: a linear function of ratios that mean the same in a store of 25
 * claims or of a million (IDF-weighted coverage both ways, the lead over the runner-up), never of
 * raw BM25 scores, which grow with the store.
 */
export function confidenceLogit(features: MatchFeatures, margin: number): number {
  const c = SEARCH_CONFIG.confidence;
  return (
    c.intercept +
    c.claimCoverage * features.claimCoverage +
    c.queryCoverage * features.queryCoverage +
    c.rareWordsMatched * Math.log1p(features.rareWordsMatched) +
    c.margin * margin
  );
}

/** Probability-like confidence that a hit is the claim the query is about, from its words alone. */
export function confidenceOf(features: MatchFeatures, margin: number): number {
  return logistic(confidenceLogit(features, margin));
}

/** What a hit's confidence is computed from when the sentence encoder ranks. */
export interface ConfidenceEvidence {
  /** `confidenceLogit`: the words' evidence. */
  lexical: number;
  /** The hit's cosine with the query, less that of its rival (the best claim that is not its twin). */
  meaningLead: number;
  /** The hit's rerank score, less its rival's. */
  scoreLead: number;
}

/** `SEARCH_CONFIG.semanticConfidence`'s shape: log-odds = intercept + Σ coefficient · evidence. */
export interface ConfidenceCoefficients {
  intercept: number;
  lexical: number;
  meaningLead: number;
  scoreLead: number;
}

/**
 * Confidence when the sentence encoder ranks: the words' log-odds, recalibrated, plus how far the
 * hit leads its rival in meaning and in the rerank's score. On debate lines the words alone were
 * confident about wrong claims one time in ten (README, "Calibration"). The coefficients are the
 * fitted ones unless given (src/bench/fit-confidence.ts scores candidate fits with them).
 */
export function semanticConfidenceOf(evidence: ConfidenceEvidence, c: ConfidenceCoefficients = SEARCH_CONFIG.semanticConfidence): number {
  return logistic(c.intercept + c.lexical * evidence.lexical + c.meaningLead * evidence.meaningLead + c.scoreLead * evidence.scoreLead);
}

export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
