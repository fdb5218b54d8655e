import { afterEach, describe, expect, it, vi } from 'vitest';
import { BENCH_SCHEMA } from '../../src/bench/bench-postgres.js';
import type { BenchSet } from '../../src/bench/bench-set.js';
import { runScale } from '../../src/bench/run-scale.js';
import type { ClaimReview } from '../../src/model/claim-review.js';
import { SemanticLayer } from '../../src/semantic/semantic-layer.js';
import { postgresUnavailableReason, TEST_DATABASE_URL, withTestClient } from '../store/postgres-test-db.js';

const original = (id: string, claim: string, claimant: string): ClaimReview => ({
  id,
  claim,
  title: `Checking: ${claim}`,
  verdict: 'false',
  rating: 'False',
  reviewer: { name: 'Desk' },
  reviewUrl: `https://checks.example.org/${id}`,
  claimant,
  language: 'en',
  appearances: [],
  tags: [],
});

const SET: BenchSet = {
  name: 'tiny',
  claims: [
    original('a', 'Unemployment doubled during the last 4 years of the administration', 'Ann Smith'),
    original('b', 'The governor cut school funding by 300 million dollars', 'Bob Jones'),
  ],
  queries: [{ id: 'q', text: 'did unemployment double during the administration' }],
  qrels: new Map([['q', new Set(['a'])]]),
};

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
    const report = await runScale(structuredClone(SET), SIZE, { databaseUrl: TEST_DATABASE_URL });
    expect(report).toMatchObject({ engine: 'factdesk', claims: SIZE, store: 'postgres', timed_pass: 'warm' });
    expect(started).toHaveBeenCalledTimes(1);
    expect(report.load_ms).toBeGreaterThanOrEqual(0);
    const schemas = await withTestClient((client) => client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [BENCH_SCHEMA]));
    expect(schemas.rowCount).toBe(0);
  });
});
