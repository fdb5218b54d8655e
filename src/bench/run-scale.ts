import { SEMANTIC_AUTO_MAX_ENTRIES } from '../app/build-core.js';
import { SemanticLayer } from '../semantic/semantic-layer.js';
import type { EngineName } from './baselines/engine.js';
import { engineOverStore, factdeskEngine, lexicalEngine } from './baselines/factdesk-engine.js';
import { dropBenchSchema, loadBenchStore, openBenchStore } from './bench-postgres.js';
import type { BenchSet } from './bench-set.js';
import { runBench, type BenchReport } from './run-bench.js';
import { scaledClaimStream, scaledClaims } from './scale-store.js';
import { worstCaseQueries } from './worst-case-queries.js';

export interface ScaleReport extends BenchReport {
  claims: number;
  /** Where the claims lived: in the process (a memory store) or in PostgreSQL. */
  store: 'memory' | 'postgres';
  /** Time to write the grown claims into PostgreSQL (postgres only; not part of the build). */
  load_ms?: number;
  /** Peak resident set size of the whole process so far, in MB. */
  peak_rss_mb: number;
}

export interface ScaleOptions {
  limit?: number;
  /**
   * A PostgreSQL URL: the grown claims are written there (schema `BENCH_SCHEMA`, dropped before
   * and after) and the bot's index is built from the tables, so the process holds the index and
   * never the claims (the set's own claims are emptied once written). Without it the claims are
   * held in a memory store, as a JSON store would.
   */
  databaseUrl?: string;
  /**
   * Rank with the sentence encoder (build time then includes embedding every claim). By default
   * as the bot decides with FACTDESK_SEMANTIC=auto: up to `SEMANTIC_AUTO_MAX_ENTRIES` claims.
   */
  semantic?: boolean;
}


/**
 * Grows the set's claims to `size` (see `scaledClaims`), indexes them through the bot's
 * LookupService and ranks the set's queries: build time, memory and latency at that size, ranked
 * as the bot would rank a store that size (see `ScaleOptions.semantic`).
 */
export async function runScale(set: BenchSet, size: number, options: ScaleOptions = {}): Promise<ScaleReport> {
  const semantic = options.semantic ?? size <= SEMANTIC_AUTO_MAX_ENTRIES;
  if (options.databaseUrl) return runScaleOnPostgres(set, size, options.databaseUrl, options.limit, semantic);
  const claims = scaledClaims(set.claims, size);
  const { report } = await runBench({ ...set, claims }, { limit: options.limit, engine: semantic ? factdeskEngine : lexicalEngine, engineName: engineNameFor(semantic) });
  return { ...report, claims: claims.length, store: 'memory', peak_rss_mb: peakRssMb() };
}

async function runScaleOnPostgres(set: BenchSet, size: number, databaseUrl: string, limit: number | undefined, semantic: boolean): Promise<ScaleReport> {
  try {
    const loadMs = await loadBenchStore(databaseUrl, scaledClaimStream(set.claims, size));
    // The worst-case texts are made of the claims' words: made now, before the claims go.
    const worstCaseTexts = worstCaseQueries(set.claims);
    // Only the queries are needed from here on: the originals, still held, would be measured as part of the index.
    set.claims.length = 0;
    const store = await openBenchStore(databaseUrl);
    try {
      // The build timed is the bot's start on this store: its index from a batched scan of the tables.
      const engine = () => engineOverStore(store, semantic ? SemanticLayer.start() : undefined);
      const { report } = await runBench(set, { limit, engine, engineName: engineNameFor(semantic), warmPass: true, worstCaseTexts });
      return { ...report, claims: size, store: 'postgres', load_ms: Math.round(loadMs), peak_rss_mb: peakRssMb() };
    } finally {
      await store.close();
    }
  } finally {
    await dropBenchSchema(databaseUrl);
  }
}

/** The report's engine: the bench's name for what ranked. */
function engineNameFor(semantic: boolean): EngineName {
  return semantic ? 'factdesk' : 'factdesk-lexical';
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
