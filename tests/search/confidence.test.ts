import { describe, expect, it } from 'vitest';
import { confidenceLogit, confidenceOf, semanticConfidenceOf, type ConfidenceEvidence } from '../../src/search/confidence.js';
import type { MatchFeatures } from '../../src/search/match-features.js';

const features: MatchFeatures = { bm25Relative: 1, claimCoverage: 0.6, headlineCoverage: 0.6, queryCoverage: 0.7, rareWordsMatched: 2 };

describe('confidence', () => {
  it('from words alone is the logistic of its log-odds, and grows with the lead over the runner-up', () => {
    expect(confidenceOf(features, 0.3)).toBeCloseTo(1 / (1 + Math.exp(-confidenceLogit(features, 0.3))), 12);
    expect(confidenceOf(features, 0.5)).toBeGreaterThan(confidenceOf(features, 0.1));
  });

  it('with the encoder grows with each kind of evidence: the words, the lead in meaning, the lead in score', () => {
    const base: ConfidenceEvidence = { lexical: 0, meaningLead: 0.1, scoreLead: 0.5 };
    const at = (change: Partial<ConfidenceEvidence>) => semanticConfidenceOf({ ...base, ...change });
    expect(at({ lexical: 1 })).toBeGreaterThan(at({}));
    expect(at({ meaningLead: 0.3 })).toBeGreaterThan(at({}));
    expect(at({ scoreLead: 2 })).toBeGreaterThan(at({}));
    for (const value of [at({ lexical: -20 }), at({ lexical: 20, meaningLead: 1, scoreLead: 10 })]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});
