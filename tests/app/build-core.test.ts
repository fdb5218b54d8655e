import { copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCore } from '../../src/app/build-core.js';
import { SEED_PATH } from '../helpers/seed-core.js';
import { useTemporaryFolder } from '../helpers/temporary-folder.js';

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
});
