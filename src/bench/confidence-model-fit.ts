import { logistic, type ConfidenceCoefficients, type ConfidenceEvidence } from '../search/confidence.js';

/** One top hit as the fit sees it: what its confidence is computed from, and whether it was right. */
export interface ConfidenceSample {
  evidence: ConfidenceEvidence;
  right: boolean;
}

const INPUTS = ['lexical', 'meaningLead', 'scoreLead'] as const;

/**
 * Logistic regression of "the top hit is right" on its evidence: full-batch gradient descent with
 * Adam on standardised inputs (small data, exact enough), with a light L2 penalty, returned on the
 * evidence's own scale so the confidence needs no standardising at lookup time.
 */
export function fitConfidenceModel(samples: readonly ConfidenceSample[], options: { l2?: number; steps?: number } = {}): ConfidenceCoefficients {
  const { l2 = 1e-3, steps = 1000 } = options;
  const count = samples.length;
  const mean = INPUTS.map((input) => samples.reduce((sum, sample) => sum + sample.evidence[input], 0) / count);
  const scale = INPUTS.map((input, k) => Math.sqrt(samples.reduce((sum, sample) => sum + (sample.evidence[input] - mean[k]!) ** 2, 0) / count) || 1);
  const x = samples.map((sample) => INPUTS.map((input, k) => (sample.evidence[input] - mean[k]!) / scale[k]!));
  // Weights of the standardised inputs, then the intercept.
  const weights = new Float64Array(INPUTS.length + 1);
  const moment = new Float64Array(weights.length);
  const velocity = new Float64Array(weights.length);
  for (let step = 1; step <= steps; step++) {
    const gradient = new Float64Array(weights.length);
    samples.forEach((sample, i) => {
      const z = weights[INPUTS.length]! + x[i]!.reduce((sum, value, k) => sum + weights[k]! * value, 0);
      const error = logistic(z) - (sample.right ? 1 : 0);
      x[i]!.forEach((value, k) => (gradient[k]! += (error * value) / count));
      gradient[INPUTS.length]! += error / count;
    });
    for (let k = 0; k < weights.length; k++) {
      const g = gradient[k]! + (k < INPUTS.length ? l2 * weights[k]! : 0);
      moment[k] = 0.9 * moment[k]! + 0.1 * g;
      velocity[k] = 0.999 * velocity[k]! + 0.001 * g * g;
      weights[k]! -= (0.05 * (moment[k]! / (1 - 0.9 ** step))) / (Math.sqrt(velocity[k]! / (1 - 0.999 ** step)) + 1e-8);
    }
  }
  const slopes = INPUTS.map((_, k) => weights[k]! / scale[k]!);
  const intercept = weights[INPUTS.length]! - slopes.reduce((sum, slope, k) => sum + slope * mean[k]!, 0);
  return { intercept, lexical: slopes[0]!, meaningLead: slopes[1]!, scoreLead: slopes[2]! };
}
