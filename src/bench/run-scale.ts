import type { BenchSet } from './bench-set.js';
import { runBench, type BenchReport } from './run-bench.js';
import { scaledClaims } from './scale-store.js';

export interface ScaleReport extends BenchReport {
  claims: number;
  /** Peak resident set size of the whole process so far, in MB. */
  peak_rss_mb: number;
}

/**
 * Grows the set's claims to `size` (see `scaledClaims`), indexes them through the bot's
 * LookupService and ranks the set's queries: build time, memory and latency at that size.
 */
export async function runScale(set: BenchSet, size: number, options: { limit?: number } = {}): Promise<ScaleReport> {
  const claims = scaledClaims(set.claims, size);
  const { report } = await runBench({ ...set, claims }, { limit: options.limit });
  return { ...report, claims: claims.length, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
}
