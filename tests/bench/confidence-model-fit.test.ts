import { describe, expect, it } from 'vitest';
import { fitConfidenceModel, type ConfidenceSample } from '../../src/bench/confidence-model-fit.js';
import { semanticConfidenceOf, type ConfidenceCoefficients } from '../../src/search/confidence.js';
import { seededRandom } from '../../src/bench/scale-store.js';

describe('fitConfidenceModel', () => {
  it('recovers the coefficients that generated the answers, on the evidence’s own scale', () => {
    const truth: ConfidenceCoefficients = { intercept: -1, lexical: 0.8, meaningLead: 6, scoreLead: 0.5 };
    const random = seededRandom(7);
    const samples: ConfidenceSample[] = Array.from({ length: 8000 }, () => {
      // Inputs on scales like the real ones: log-odds of a few units, cosine leads of a few tenths.
      const evidence = { lexical: 4 * random() - 2, meaningLead: 0.6 * random() - 0.3, scoreLead: 6 * random() - 3 };
      return { evidence, right: random() < semanticConfidenceOf(evidence, truth) };
    });
    const fitted = fitConfidenceModel(samples, { l2: 0 });
    expect(fitted.intercept).toBeCloseTo(truth.intercept, 0);
    expect(fitted.lexical).toBeCloseTo(truth.lexical, 0);
    expect(fitted.scoreLead).toBeCloseTo(truth.scoreLead, 0);
    expect(Math.abs(fitted.meaningLead - truth.meaningLead)).toBeLessThan(1.5);
  });

  it('gives evidence that never decides the answer no weight', () => {
    const random = seededRandom(11);
    const samples: ConfidenceSample[] = Array.from({ length: 4000 }, () => {
      const evidence = { lexical: 4 * random() - 2, meaningLead: random(), scoreLead: random() };
      return { evidence, right: evidence.lexical > 0 };
    });
    const fitted = fitConfidenceModel(samples);
    expect(fitted.lexical).toBeGreaterThan(2);
    expect(Math.abs(fitted.meaningLead)).toBeLessThan(0.5);
    expect(Math.abs(fitted.scoreLead)).toBeLessThan(0.5);
  });
});
