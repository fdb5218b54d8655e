import type { BenchSet } from './bench-set.js';
import type { BenchEngine, EngineHit } from './baselines/engine.js';
import { factdeskEngine } from './baselines/factdesk-engine.js';
import { averagePrecisionAt, mean, percentile, reciprocalRank, recallAt } from './metrics.js';

/** Ranked ids kept per query: the TREC run file's depth. */
const RUN_DEPTH = 10;

export interface BenchReport {
  set: string;
  engine: string;
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
  /** Queries ranked per second, one at a time, in the measured (first) pass. */
  lookups_per_s: number;
  /**
   * The same on a second pass over the queries (compiled code, warm caches): a running bot's
   * steady state. Absent when the second pass was not run.
   */
  warm_lookups_per_s?: number;
}

/** One query's ranking, with the ids that were right: what calibration reports are made of. */
export interface RankedQuery {
  id: string;
  hits: EngineHit[];
  relevant: ReadonlySet<string>;
}

export interface BenchRun {
  report: BenchReport;
  /** TREC run lines: `qid Q0 claim_id rank score <engine>`. */
  runLines: string[];
  ranked: RankedQuery[];
}

export interface BenchOptions {
  limit?: number;
  /** Name in the report and run file (default factdesk). */
  engineName?: string;
  /** Builds the engine over the set's claims (default: factdesk's LookupService, as the bot). */
  engine?: (claims: BenchSet['claims']) => BenchEngine | Promise<BenchEngine>;
  /** Rank the queries a second time for `warm_lookups_per_s` (default: only for factdesk's own engine). */
  warmPass?: boolean;
}

/**
 * Indexes the set's claims in a fresh engine (by default a LookupService, ranking through
 * `lookup()`, the same path the bot's /factcheck takes, links included) and ranks every query.
 * Relevance, latency percentiles and `lookups_per_s` come from that first pass, cold code
 * included; `warm_lookups_per_s` from a second pass, when run.
 */
export async function runBench(set: BenchSet, options: BenchOptions = {}): Promise<BenchRun> {
  const engineName = options.engineName ?? 'factdesk';
  const buildStart = performance.now();
  const engine = await (options.engine ?? factdeskEngine)(set.claims);
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
  const ranked: RankedQuery[] = [];
  for (const query of queries) {
    const start = performance.now();
    const hits = await engine.rank(query.text, RUN_DEPTH);
    latencies.push(performance.now() - start);
    const ids = hits.map((hit) => hit.id);
    hits.forEach((hit, index) => runLines.push(`${query.id} Q0 ${hit.id} ${index + 1} ${hit.score} ${engineName}`));
    const relevant = set.qrels.get(query.id) ?? new Set<string>();
    ranked.push({ id: query.id, hits, relevant });
    ap1.push(averagePrecisionAt(ids, relevant, 1));
    ap5.push(averagePrecisionAt(ids, relevant, 5));
    rr.push(reciprocalRank(ids, relevant));
    r1.push(recallAt(ids, relevant, 1));
    r5.push(recallAt(ids, relevant, 5));
  }
  const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
  const perSecond = (ms: readonly number[]) => Math.round((1000 * ms.length) / (ms.reduce((sum, value) => sum + value, 0) || 1));
  let warm: number | undefined;
  if (options.warmPass ?? (options.engine === undefined || options.engine === factdeskEngine)) {
    const warmLatencies: number[] = [];
    for (const query of queries) {
      const start = performance.now();
      await engine.rank(query.text, RUN_DEPTH);
      warmLatencies.push(performance.now() - start);
    }
    warm = perSecond(warmLatencies);
  }
  return {
    report: {
      set: set.name,
      engine: engineName,
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
      lookups_per_s: perSecond(latencies),
      ...(warm === undefined ? {} : { warm_lookups_per_s: warm }),
    },
    runLines,
    ranked,
  };
}
