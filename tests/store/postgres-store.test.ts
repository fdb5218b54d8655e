import { afterEach, describe, expect, it } from 'vitest';
import { FaultError } from '../../src/core/errors.js';
import type { StoreData } from '../../src/model/store-data.js';
import { storeDataSchema } from '../../src/model/store-data.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { claim, ids, invalidClaim, sampleData } from './sample-data.js';
import { describeStoreContract } from './store-contract.js';
import { dropSchema, postgresUnavailableReason, TEST_DATABASE_URL, uniqueSchema, withTestClient } from './postgres-test-db.js';

const skipReason = await postgresUnavailableReason();

describeStoreContract(
  'PostgresStore',
  async (initial) => {
    const schema = uniqueSchema();
    const seed = async () => storeDataSchema.parse(initial);
    const open = () => PostgresStore.open({ databaseUrl: TEST_DATABASE_URL, schema, seed });
    return { store: await open(), reopen: open, dispose: () => dropSchema(schema) };
  },
  { skipReason },
);

describe.skipIf(skipReason !== undefined)('PostgresStore', () => {
  const schemas: string[] = [];
  const opened: Store[] = [];

  function newSchema(): string {
    const schema = uniqueSchema();
    schemas.push(schema);
    return schema;
  }

  async function open(schema: string, options: { seed?: () => Promise<StoreData>; readOnly?: boolean } = {}) {
    const store = await PostgresStore.open({ databaseUrl: TEST_DATABASE_URL, schema, ...options });
    opened.push(store);
    return store;
  }

  const sampleSeed = async () => storeDataSchema.parse(sampleData());

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    for (const schema of schemas.splice(0)) await dropSchema(schema);
  });

  describe('changes since a token', () => {
    it('gives the entries any process wrote after the token, then nothing more', async () => {
      const schema = newSchema();
      const mine = await open(schema, { seed: sampleSeed });
      const theirs = await open(schema);
      const token = await mine.changeToken();
      await theirs.upsert({ claims: [claim('c3'), { ...claim('c1'), claim: 'Corrected by another process' }] });

      const changed = await mine.changesSince(token);
      expect(ids(changed.entries.claims).sort()).toEqual(['c1', 'c3']);
      expect(changed.entries.claims.find((entry) => entry.id === 'c1')?.claim).toBe('Corrected by another process');
      expect(await mine.changesSince(changed.next)).toEqual({ entries: { claims: [], articles: [] }, next: expect.any(String) });
    });

    it('still gives an entry whose transaction began before the token and committed after it', async () => {
      const schema = newSchema();
      const mine = await open(schema);
      await withTestClient(async (client) => {
        await client.query(`SET search_path = "${schema}"`);
        await client.query('BEGIN');
        await client.query("INSERT INTO factdesk_entries (kind, id, data) VALUES ('claim', 'slow', $1)", [JSON.stringify(claim('slow'))]);
        const token = await mine.changeToken();
        await client.query('COMMIT');
        expect(ids((await mine.changesSince(token)).entries.claims)).toEqual(['slow']);
      });
    });

    it('refuses a token it did not make', async () => {
      const mine = await open(newSchema());
      await expect(mine.changesSince("1:2:3'; DROP TABLE x; --")).rejects.toThrow(FaultError);
      await expect(mine.changesSince('1:2:')).rejects.toThrow('not a change token');
    });

    it('refuses a token taken from another store, or from this schema before it was dropped and restored', async () => {
      const schema = newSchema();
      const before = await open(schema, { seed: sampleSeed });
      const tokenBefore = await before.changeToken();
      const other = await open(newSchema());
      await expect(other.changesSince(tokenBefore)).rejects.toThrow('is not the database this change token was taken from');

      // As `pg_restore --clean` does: the tables are made anew (new ids), their rows put back.
      await before.close();
      await dropSchema(schema);
      const restored = await open(schema, { seed: sampleSeed });
      await expect(restored.changesSince(tokenBefore)).rejects.toThrow(FaultError);
      expect((await restored.changesSince(await restored.changeToken())).entries.claims).toEqual([]);
    });

    it('refuses a token that is ahead of the database, as after a restore to an earlier point in time', async () => {
      const mine = await open(newSchema());
      const token = await mine.changeToken();
      const [origin, snapshot] = token.split('/') as [string, string];
      const [xmin, xmax] = snapshot.split(':').map(BigInt) as [bigint, bigint];
      const ahead = `${origin}/${xmin + 1_000_000n}:${xmax + 1_000_000n}:`;
      await expect(mine.changesSince(ahead)).rejects.toThrow('is behind this change token');
      await expect(mine.changesSince(token)).resolves.toMatchObject({ entries: { claims: [], articles: [] } });
    });
  });

  describe('opening', () => {
    it('creates its tables in its own schema, once', async () => {
      const schema = newSchema();
      await (await open(schema)).close();
      await open(schema);
      const tables = await withTestClient(async (client) => {
        const { rows } = await client.query<{ table_name: string }>(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
          [schema],
        );
        return rows.map((row) => row.table_name);
      });
      expect(tables).toEqual([
        'factdesk_channel_settings',
        'factdesk_entries',
        'factdesk_feedback',
        'factdesk_lookups',
        'factdesk_meta',
        'factdesk_migrations',
        'factdesk_requests',
      ]);
      const migrations = await withTestClient((client) => client.query(`SELECT version FROM "${schema}".factdesk_migrations ORDER BY version`));
      expect(migrations.rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    });

    it('lets processes that start together migrate and seed exactly once', async () => {
      const schema = newSchema();
      let seedReads = 0;
      const seed = async () => {
        seedReads++;
        return sampleSeed();
      };
      const stores = await Promise.all([open(schema, { seed }), open(schema, { seed }), open(schema, { seed })]);
      expect(seedReads).toBe(1);
      for (const store of stores) expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
    });

    it('does not seed a store that already holds data', async () => {
      const schema = newSchema();
      const first = await open(schema);
      await first.upsert({ claims: [claim('imported')] });
      let seedReads = 0;
      const second = await open(schema, {
        seed: async () => {
          seedReads++;
          return sampleSeed();
        },
      });
      expect(seedReads).toBe(0);
      expect(ids(await second.listClaims())).toEqual(['imported']);
    });

    it('fails clearly, naming host and database but never the password, when the server is unreachable', async () => {
      const error = await PostgresStore.open({ databaseUrl: 'postgres://factdesk:s3cret-pw@127.0.0.1:1/newsroom' }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(FaultError);
      const message = (error as Error).message;
      expect(message).toMatch(/^Cannot connect to PostgreSQL database "newsroom" on 127\.0\.0\.1:1 as factdesk: .*ECONNREFUSED/);
      expect(message).not.toContain('s3cret-pw');
      expect(JSON.stringify(error)).not.toContain('s3cret-pw');
    });

    it('refuses a DATABASE_URL that is not a postgres URL, without echoing it', async () => {
      const error = await PostgresStore.open({ databaseUrl: 'mysql://u:pw-123@host/db' }).catch((caught: unknown) => caught);
      expect((error as Error).message).toBe('DATABASE_URL is not a valid postgres:// URL.');
    });

    it('refuses a schema name that would need quoting', async () => {
      await expect(PostgresStore.open({ databaseUrl: TEST_DATABASE_URL, schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(
        /schema name .* is not allowed/,
      );
    });
  });

  describe('writing and reading', () => {
    it('keeps every write when two processes write at the same time', async () => {
      const schema = newSchema();
      const [first, second] = await Promise.all([open(schema), open(schema)]);
      const writes = Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? first! : second!).upsert({ claims: [claim(`shared-${i % 5}`, { rating: `v${i}` }), claim(`own-${i}`)] }),
      );
      const results = await Promise.all(writes);
      const claims = await first!.listClaims();
      expect(claims).toHaveLength(25);
      expect(results.reduce((sum, result) => sum + result.added, 0)).toBe(25);
      expect(results.reduce((sum, result) => sum + result.added + result.updated, 0)).toBe(40);
    });

    it('validates rows on the way out, naming the bad row', async () => {
      const schema = newSchema();
      const store = await open(schema, { seed: sampleSeed });
      await withTestClient((client) =>
        client.query(`INSERT INTO "${schema}".factdesk_entries (kind, id, data) VALUES ('claim', 'bad-row', $1)`, [
          JSON.stringify(invalidClaim('bad-row')),
        ]),
      );
      await expect(store.listClaims()).rejects.toThrow(
        /holds an invalid claim row \(id "bad-row"\): verdict: Invalid option/,
      );
    });

    it('notices a row whose data carries another id', async () => {
      const schema = newSchema();
      const store = await open(schema);
      await withTestClient((client) =>
        client.query(`INSERT INTO "${schema}".factdesk_entries (kind, id, data) VALUES ('claim', 'row-id', $1)`, [
          JSON.stringify(claim('data-id')),
        ]),
      );
      await expect(store.listClaims()).rejects.toThrow(/\(id "row-id"\): its data has id "data-id"/);
    });

    it('writes nothing from a refused upsert, even the valid entries of it', async () => {
      const schema = newSchema();
      const store = await open(schema, { seed: sampleSeed });
      await expect(store.upsert({ claims: [claim('good'), invalidClaim('bad')] })).rejects.toThrow(FaultError);
      const count = await withTestClient((client) => client.query(`SELECT count(*)::int AS n FROM "${schema}".factdesk_entries`));
      expect(count.rows[0]).toEqual({ n: 3 });
    });

    it('refuses writes when opened read-only', async () => {
      const schema = newSchema();
      const store = await open(schema, { seed: sampleSeed, readOnly: true });
      expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
      await expect(store.upsert({ claims: [claim('c3')] })).rejects.toThrow(/opened read-only/);
    });

    it('describes itself by database and schema, without credentials', async () => {
      const schema = newSchema();
      const store = await open(schema);
      expect(store.description).toMatch(/^PostgreSQL database "[^"]+" on [^ ]+:\d+/);
      expect(store.description).toContain(`(schema ${schema})`);
    });
  });
});
