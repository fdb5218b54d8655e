import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildCore } from '../../src/app/build-core.js';
import type { Requester } from '../../src/core/command.js';
import type { Core } from '../../src/core/core.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SEED_PATH = path.join(REPO_ROOT, 'data/seed.json');

/** A real core (JSON file store, search, commands) on a fresh copy of the committed seed. */
export async function seedCore(): Promise<{ core: Core; storePath: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factdesk-core-'));
  const storePath = path.join(dir, 'store.json');
  const core = await buildCore({ storePath, seedPath: SEED_PATH });
  return {
    core,
    storePath,
    dispose: async () => {
      await core.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const consoleRequester: Requester = {
  platform: 'console',
  scope: 'console',
  userId: 'tester',
  channelId: 'console',
  permissions: { manageWatch: true, curate: true },
};
