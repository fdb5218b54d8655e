import { describe, expect, it } from 'vitest';
import { BENCH_SCHEMA } from '../../src/bench/bench-postgres.js';
import { runRestart } from '../../src/bench/run-restart.js';
import { TWO_CLAIM_SET as SET } from './two-claim-set.js';
import { postgresUnavailableReason, TEST_DATABASE_URL, withTestClient } from '../store/postgres-test-db.js';

// Above the size from which a start keeps a snapshot at all.
const SIZE = 2500;
const skipReason = await postgresUnavailableReason();

describe('runRestart', () => {
  it('starts on a JSON store three times: built and snapshot written; from the snapshot; from it again after an import', async () => {
    const report = await runRestart(structuredClone(SET), SIZE);
    expect(report).toMatchObject({
      claims: SIZE,
      store: 'json',
      cold: { source: 'built' },
      snapshot: { source: 'snapshot' },
      imported: SIZE / 100,
      after_import: { source: 'snapshot' },
    });
    expect(report.snapshot.total_ms).toBeGreaterThanOrEqual(report.snapshot.first_lookup_ms);
    expect(report.snapshot.links_indexed_ms).toBeGreaterThanOrEqual(report.snapshot.total_ms);
    // A store this size is ranked with the sentence encoder (FACTDESK_SEMANTIC=auto): each start says when every claim was embedded.
    for (const start of [report.cold, report.snapshot, report.after_import]) expect(start.claims_embedded_ms).toBeGreaterThan(0);
    // And how long the loop was held at worst while that went on in the background.
    for (const start of [report.cold, report.snapshot, report.after_import]) expect(Number.isInteger(start.longest_hold_ms) && start.longest_hold_ms >= 0).toBe(true);
  });

  it.skipIf(skipReason !== undefined)('does the same over PostgreSQL, and drops its schema after', async () => {
    const report = await runRestart(structuredClone(SET), SIZE, { databaseUrl: TEST_DATABASE_URL });
    expect(report).toMatchObject({
      claims: SIZE,
      store: 'postgres',
      cold: { source: 'built' },
      snapshot: { source: 'snapshot' },
      after_import: { source: 'snapshot' },
    });
    expect(report.store_file_mb).toBeUndefined();
    const schemas = await withTestClient((client) => client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [BENCH_SCHEMA]));
    expect(schemas.rowCount).toBe(0);
  });
});
