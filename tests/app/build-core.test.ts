import { copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCore } from '../../src/app/build-core.js';
import { indexSnapshotPathFor } from '../../src/app/index-snapshot-path.js';
import { dropSchema, postgresUnavailableReason, TEST_DATABASE_URL, uniqueSchema } from '../store/postgres-test-db.js';
import { SEED_PATH } from '../helpers/seed-core.js';
import { useTemporaryFolder } from '../helpers/temporary-folder.js';

const skipReason = await postgresUnavailableReason();

describe('buildCore', () => {
  const folder = useTemporaryFolder('factdesk-core-');

  it.each(['on', 'auto'] as const)('with FACTDESK_SEMANTIC=%s, embeds the claims of a small store and keeps their vectors beside the store file', async (semantic) => {
    const storePath = path.join(folder(), 'store.json');
    await copyFile(SEED_PATH, storePath);
    const core = await buildCore({ storePath, seedPath: SEED_PATH, semantic });
    expect(core.lookup.semanticRanking).toBe(true);
    try {
      await core.lookup.allClaimsEmbedded();
      const outcome = await core.lookup.lookup('Russia and China have a de facto military alliance');
      expect(outcome.results.length).toBeGreaterThan(0);
    } finally {
      await core.lookup.closeSemantic();
      await core.store.close();
    }
    expect(existsSync(`${storePath}.vectors`)).toBe(true);
  });

  it.each(['off', undefined] as const)('with FACTDESK_SEMANTIC=%s (or not given to buildCore), ranks lexically and writes no vectors file', async (semantic) => {
    const storePath = path.join(folder(), 'store.json');
    await copyFile(SEED_PATH, storePath);
    const core = await buildCore({ storePath, seedPath: SEED_PATH, semantic });
    expect(core.lookup.semanticRanking).toBe(false);
    await core.lookup.closeSemantic();
    await core.store.close();
    expect(existsSync(`${storePath}.vectors`)).toBe(false);
  });

  describe.skipIf(skipReason !== undefined)('over PostgreSQL', () => {
    it('keeps an index snapshot in the data folder by default, so the next start loads it instead of scanning the tables', async () => {
      const config = { storePath: path.join(folder(), 'store.json'), seedPath: SEED_PATH, databaseUrl: TEST_DATABASE_URL, databaseSchema: uniqueSchema() };
      try {
        const first = await buildCore(config);
        expect(first.lookup.indexSource).toBe('built');
        await first.lookup.snapshotWritten();
        await first.store.close();
        expect(existsSync(indexSnapshotPathFor(config)!)).toBe(true);

        const second = await buildCore(config);
        expect(second.lookup.indexSource).toBe('snapshot');
        expect((await second.lookup.lookup('Russia and China have a de facto military alliance')).results.length).toBeGreaterThan(0);
        await second.store.close();
      } finally {
        await dropSchema(config.databaseSchema);
      }
    });

    it('keeps none with FACTDESK_INDEX_SNAPSHOT=off', async () => {
      const config = { storePath: path.join(folder(), 'store.json'), seedPath: SEED_PATH, databaseUrl: TEST_DATABASE_URL, databaseSchema: uniqueSchema() };
      try {
        const core = await buildCore({ ...config, indexSnapshotPath: false });
        await core.lookup.snapshotWritten();
        await core.store.close();
        expect(existsSync(indexSnapshotPathFor(config)!)).toBe(false);
      } finally {
        await dropSchema(config.databaseSchema);
      }
    });
  });
});
