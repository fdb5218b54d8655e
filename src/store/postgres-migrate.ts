import type { PoolClient } from 'pg';
import { MIGRATIONS, type Migration } from './postgres-migrations.js';

/**
 * Runs `work` in one transaction that holds an advisory lock for the schema, so processes
 * starting together migrate (and seed) one after the other instead of racing.
 */
export async function inSchemaLock<T>(client: PoolClient, schema: string | undefined, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`factdesk-migrate:${schema ?? ''}`]);
    // The name was checked against a strict pattern, so quoting it is enough.
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Applies the migrations this database lacks; running it again changes nothing. Call inside `inSchemaLock`. */
export async function applyMigrations(client: PoolClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS factdesk_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const { rows } = await client.query<{ version: number }>('SELECT version FROM factdesk_migrations');
  const applied = new Set(rows.map((row) => row.version));
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
  for (const migration of pending) {
    await client.query(migration.sql);
    await client.query('INSERT INTO factdesk_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
  }
  return pending.map((migration) => migration.version);
}
