import pg from 'pg';
import type { ClaimReview } from '../model/claim-review.js';
import { PostgresStore } from '../store/postgres-store.js';
import { inBatches } from './scale-store.js';

/** The schema the PostgreSQL benches fill and drop: nobody's data lives there. */
export const BENCH_SCHEMA = 'factdesk_bench_scale';
/** Claims written per transaction while filling PostgreSQL. */
const LOAD_BATCH = 5000;

/** A bench store in `BENCH_SCHEMA`, opened as the bot opens its store. */
export function openBenchStore(databaseUrl: string): Promise<PostgresStore> {
  return PostgresStore.open({ databaseUrl, schema: BENCH_SCHEMA });
}

/** Writes the claims into a fresh `BENCH_SCHEMA` in transactions of 5,000; resolves to the milliseconds it took. */
export async function loadBenchStore(databaseUrl: string, claims: Iterable<ClaimReview>): Promise<number> {
  await dropBenchSchema(databaseUrl);
  const store = await openBenchStore(databaseUrl);
  try {
    const start = performance.now();
    for (const batch of inBatches(claims, LOAD_BATCH)) await store.upsert({ claims: batch });
    return performance.now() - start;
  } finally {
    await store.close();
  }
}

export async function dropBenchSchema(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`);
  } finally {
    await client.end();
  }
}
