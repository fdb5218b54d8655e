import { LookupService } from '../core/lookup.js';
import type { BenchSet } from './bench-set.js';
import { averagePrecisionAt, mean, percentile, reciprocalRank, recallAt } from './metrics.js';

/** Ranked ids kept per query: the TREC run file's depth. */
const RUN_DEPTH = 10;

export interface BenchReport {
  set: string;
  queries: number;
  'map@1': number;
  'map@5': number;
  mrr: number;
  'r@1': number;
  'r@5': number;
  build_ms: number;
  heap_mb: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}

export interface BenchRun {
  report: BenchReport;
  /** TREC run lines: `qid Q0 claim_id rank score factdesk`. */
  runLines: string[];
}

/**
 * Indexes the set's claims in a fresh in-memory LookupService and ranks every query through
 * `lookup()`, the same path the bot's /factcheck takes (links go through link lookup).
 */
export async function runBench(set: BenchSet, options: { limit?: number } = {}): Promise<BenchRun> {
  const buildStart = performance.now();
  const lookup = LookupService.fromEntries({ claims: set.claims });
  const buildMs = performance.now() - buildStart;
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

  const queries = options.limit ? set.queries.slice(0, options.limit) : set.queries;
  const latencies: number[] = [];
  const ap1: number[] = [];
  const ap5: number[] = [];
  const rr: number[] = [];
  const r1: number[] = [];
  const r5: number[] = [];
  const runLines: string[] = [];
  for (const query of queries) {
    const start = performance.now();
    const outcome = await lookup.lookup(query.text, { limit: RUN_DEPTH });
    latencies.push(performance.now() - start);
    const ranked = outcome.results.map((result) => result.id);
    outcome.results.forEach((result, index) => runLines.push(`${query.id} Q0 ${result.id} ${index + 1} ${result.score} factdesk`));
    const relevant = set.qrels.get(query.id) ?? new Set<string>();
    ap1.push(averagePrecisionAt(ranked, relevant, 1));
    ap5.push(averagePrecisionAt(ranked, relevant, 5));
    rr.push(reciprocalRank(ranked, relevant));
    r1.push(recallAt(ranked, relevant, 1));
    r5.push(recallAt(ranked, relevant, 5));
  }
  const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    report: {
      set: set.name,
      queries: queries.length,
      'map@1': round(mean(ap1)),
      'map@5': round(mean(ap5)),
      mrr: round(mean(rr)),
      'r@1': round(mean(r1)),
      'r@5': round(mean(r5)),
      build_ms: round(buildMs, 1),
      heap_mb: round(heapMb, 1),
      p50_ms: round(percentile(latencies, 50), 3),
      p95_ms: round(percentile(latencies, 95), 3),
      p99_ms: round(percentile(latencies, 99), 3),
    },
    runLines,
  };
}
