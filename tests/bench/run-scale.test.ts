import { afterEach, describe, expect, it, vi } from 'vitest';
import { BENCH_SCHEMA } from '../../src/bench/bench-postgres.js';
import { runScale } from '../../src/bench/run-scale.js';
import { worstCaseQueries } from '../../src/bench/worst-case-queries.js';
import { LookupService } from '../../src/core/lookup.js';
import { SemanticLayer } from '../../src/semantic/semantic-layer.js';
import { TWO_CLAIM_SET as SET } from './two-claim-set.js';
import { postgresUnavailableReason, TEST_DATABASE_URL, withTestClient } from '../store/postgres-test-db.js';

const SIZE = 60;
const skipReason = await postgresUnavailableReason();

describe('runScale', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('ranks a store of a size the bot would rank with the sentence encoder with it, as FACTDESK_SEMANTIC=auto does', async () => {
    const started = vi.spyOn(SemanticLayer, 'start');
    const report = await runScale(structuredClone(SET), SIZE);
    expect(report).toMatchObject({ engine: 'factdesk', claims: SIZE, store: 'memory', queries: 1, timed_pass: 'warm' });
    expect(started).toHaveBeenCalledTimes(1);
    expect(report.peak_rss_mb).toBeGreaterThan(0);
  });

  it('ranks by words only when asked (factdesk-lexical), whatever the size', async () => {
    const started = vi.spyOn(SemanticLayer, 'start');
    const report = await runScale(structuredClone(SET), SIZE, { semantic: false });
    expect(report).toMatchObject({ engine: 'factdesk-lexical', claims: SIZE, store: 'memory' });
    expect(started).not.toHaveBeenCalled();
  });

  it.skipIf(skipReason !== undefined)('over PostgreSQL, ranks as the bot would on that store too, and drops its schema after', async () => {
    const started = vi.spyOn(SemanticLayer, 'start');
    const asked = vi.spyOn(LookupService.prototype, 'lookup');
    const report = await runScale(structuredClone(SET), SIZE, { databaseUrl: TEST_DATABASE_URL });
    // The worst-case texts are made of the set's claims, although the process lets go of them once they are in the database.
    const askedTexts = new Set(asked.mock.calls.map(([text]) => text));
    for (const { text } of worstCaseQueries(SET.claims)) expect(askedTexts).toContain(text);
    expect(report).toMatchObject({ engine: 'factdesk', claims: SIZE, store: 'postgres', timed_pass: 'warm' });
    expect(started).toHaveBeenCalledTimes(1);
    expect(report.load_ms).toBeGreaterThanOrEqual(0);
    const schemas = await withTestClient((client) => client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [BENCH_SCHEMA]));
    expect(schemas.rowCount).toBe(0);
  });
});
