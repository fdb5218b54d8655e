import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { openStore } from '../../src/store/open-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { dropSchema, postgresUnavailableReason, TEST_DATABASE_URL, uniqueSchema } from './postgres-test-db.js';
import { claim, ids, sampleData } from './sample-data.js';

const skipPostgres = await postgresUnavailableReason();

describe('openStore', () => {
  let dir: string;
  let storePath: string;
  let seedPath: string;
  const opened: Store[] = [];
  const schemas: string[] = [];

  async function open(config: Partial<Parameters<typeof openStore>[0]> = {}) {
    const store = await openStore({ storePath, seedPath, ...config });
    opened.push(store);
    return store;
  }

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'factdesk-open-store-'));
    storePath = path.join(dir, 'store.json');
    seedPath = path.join(dir, 'seed.json');
    await writeFile(seedPath, JSON.stringify(sampleData()));
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    for (const schema of schemas.splice(0)) await dropSchema(schema);
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the JSON file, created from the seed, when no database is configured', async () => {
    const store = await open();
    expect(store).toBeInstanceOf(JsonFileStore);
    expect(store.description).toBe(`JSON file ${storePath}`);
    expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
  });

  it('passes read-only through: no lock, no writes', async () => {
    const store = await open({ readOnly: true });
    expect(await readdir(dir)).toEqual(['seed.json']);
    await expect(store.upsert({ claims: [claim('c3')] })).rejects.toThrow(/read-only/);
  });

  it.skipIf(skipPostgres !== undefined)('opens PostgreSQL when DATABASE_URL is set, filled from the same seed', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const postgres = await open({ databaseUrl: TEST_DATABASE_URL, databaseSchema: schema });
    const file = await open();
    expect(postgres).toBeInstanceOf(PostgresStore);
    expect(await postgres.listClaims()).toEqual(await file.listClaims());
    expect(await postgres.listArticles()).toEqual(await file.listArticles());
    expect(await readdir(dir)).toEqual(['seed.json', 'store.json', 'store.json.lock']);
  });

  it.skipIf(skipPostgres !== undefined)('fails on an empty PostgreSQL store when the seed is missing', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    await rm(seedPath);
    await expect(open({ databaseUrl: TEST_DATABASE_URL, databaseSchema: schema })).rejects.toThrow(
      `There is no seed file ${seedPath} to fill the new PostgreSQL store from.`,
    );
  });
});
