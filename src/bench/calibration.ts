import type { RankedQuery } from './run-bench.js';

export interface CalibrationReport {
  threshold: number;
  queries: number;
  /** Queries whose top hit was at or above the threshold. */
  confident: number;
  /** Of those, how many had a wrong top hit. */
  confidentWrong: number;
  /** Queries whose right claim was found (top 10) but scored below the threshold. */
  rightBelowThreshold: number;
  /** Queries whose right claim was not in the top 10 at all. */
  rightNotFound: number;
}

/**
 * How the "no confident match" threshold behaves on judged queries: how often a confident top
 * answer is wrong, and how often the right claim was there but below the threshold.
 */
export function calibrate(ranked: readonly RankedQuery[], threshold: number): CalibrationReport {
  let confident = 0;
  let confidentWrong = 0;
  let rightBelowThreshold = 0;
  let rightNotFound = 0;
  for (const query of ranked) {
    const top = query.hits[0];
    if (top && top.score >= threshold) {
      confident += 1;
      if (!query.relevant.has(top.id)) confidentWrong += 1;
    }
    const right = query.hits.find((hit) => query.relevant.has(hit.id));
    if (!right) rightNotFound += 1;
    else if (right.score < threshold) rightBelowThreshold += 1;
  }
  return { threshold, queries: ranked.length, confident, confidentWrong, rightBelowThreshold, rightNotFound };
}

export function formatCalibration(report: CalibrationReport): string {
  const share = (count: number, of: number) => `${count}/${of} (${of > 0 ? ((100 * count) / of).toFixed(1) : '0.0'}%)`;
  return [
    `  calibration at confidence ${report.threshold}: confident top answer on ${share(report.confident, report.queries)} queries, wrong ${share(report.confidentWrong, report.confident)}`,
    `  right claim found but below the threshold ${share(report.rightBelowThreshold, report.queries)}; not in the top 10 ${share(report.rightNotFound, report.queries)}`,
    '',
  ].join('\n');
}
