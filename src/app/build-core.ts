import { commands } from '../../commands/index.js';
import { createCore, type Core } from '../core/core.js';
import { LookupService } from '../core/lookup.js';
import { openStore } from '../store/open-store.js';
import type { StoreConfig } from '../config/config.js';

/** Opens the store and builds the searchable core on it: the part every entry point shares. */
export async function buildCore(config: StoreConfig & { readOnly?: boolean }): Promise<Core> {
  const store = await openStore(config);
  try {
    // The JSON store keeps a snapshot of the search index beside it, so a restart need not rebuild it.
    const indexSnapshotPath = config.databaseUrl ? undefined : `${config.storePath}.index`;
    const lookup = await LookupService.fromStore(store, { indexSnapshotPath });
    return createCore({ store, lookup, commands });
  } catch (error) {
    await store.close();
    throw error;
  }
}
