import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The local test database (trust auth); override with FACTDESK_TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.FACTDESK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export async function postgresUnavailableReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    const reason = `PostgreSQL tests skipped: cannot reach the test database (${(error as Error).message || String(error)}). Set FACTDESK_TEST_DATABASE_URL.`;
    console.warn(reason);
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other test run uses, so parallel runs never see each other's tables. */
export function uniqueSchema(): string {
  return `factdesk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Runs SQL in the test database as an outside party would (its own connection). */
export function withTestClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(TEST_DATABASE_URL, work);
}

/** Runs SQL in the database at this URL on a connection of its own. */
export async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withTestClient((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}
