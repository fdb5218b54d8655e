import pg from 'pg';
import { LookupService } from '../core/lookup.js';
import { PostgresStore } from '../store/postgres-store.js';
import { lookupEngine } from './baselines/factdesk-engine.js';
import type { BenchSet } from './bench-set.js';
import { runBench, type BenchReport } from './run-bench.js';
import { inBatches, scaledClaimStream, scaledClaims } from './scale-store.js';

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
   * A PostgreSQL URL: the grown claims are written there (schema `SCALE_SCHEMA`, dropped before
   * and after) and the bot's index is built from the tables, so the process holds the index and
   * never the claims (the set's own claims are emptied once written). Without it the claims are
   * held in a memory store, as a JSON store would.
   */
  databaseUrl?: string;
}

/** The schema a PostgreSQL scale run fills and drops: nobody's data lives there. */
export const SCALE_SCHEMA = 'factdesk_bench_scale';
/** Claims written per transaction while filling PostgreSQL. */
const LOAD_BATCH = 5000;

/**
 * Grows the set's claims to `size` (see `scaledClaims`), indexes them through the bot's
 * LookupService and ranks the set's queries: build time, memory and latency at that size.
 */
export async function runScale(set: BenchSet, size: number, options: ScaleOptions = {}): Promise<ScaleReport> {
  if (options.databaseUrl) return runScaleOnPostgres(set, size, options.databaseUrl, options.limit);
  const claims = scaledClaims(set.claims, size);
  const { report } = await runBench({ ...set, claims }, { limit: options.limit });
  return { ...report, claims: claims.length, store: 'memory', peak_rss_mb: peakRssMb() };
}

async function runScaleOnPostgres(set: BenchSet, size: number, databaseUrl: string, limit: number | undefined): Promise<ScaleReport> {
  await dropScaleSchema(databaseUrl);
  const store = await PostgresStore.open({ databaseUrl, schema: SCALE_SCHEMA });
  try {
    const loadStart = performance.now();
    for (const batch of inBatches(scaledClaimStream(set.claims, size), LOAD_BATCH)) await store.upsert({ claims: batch });
    const loadMs = performance.now() - loadStart;
    // Only the queries are needed from here on: the originals, still held, would be measured as part of the index.
    set.claims.length = 0;
    // The build timed is the bot's start on this store: its index from a batched scan of the tables.
    const engine = async () => {
      const lookup = await LookupService.fromStore(store);
      await lookup.allLinksIndexed();
      return lookupEngine(lookup);
    };
    const { report } = await runBench(set, { limit, engine, warmPass: true });
    return { ...report, claims: size, store: 'postgres', load_ms: Math.round(loadMs), peak_rss_mb: peakRssMb() };
  } finally {
    await store.close();
    await dropScaleSchema(databaseUrl);
  }
}

async function dropScaleSchema(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${SCALE_SCHEMA} CASCADE`);
  } finally {
    await client.end();
  }
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
