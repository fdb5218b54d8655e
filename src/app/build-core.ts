import { commands } from '../../commands/index.js';
import { createCore, type Core } from '../core/core.js';
import { LookupService } from '../core/lookup.js';
import { openStore } from '../store/open-store.js';
import type { StoreConfig } from '../config/config.js';

/** Opens the store and builds the searchable core on it: the part every entry point shares. */
export async function buildCore(config: StoreConfig & { readOnly?: boolean }): Promise<Core> {
  const store = await openStore(config);
  try {
    const lookup = await LookupService.fromStore(store);
    return createCore({ store, lookup, commands });
  } catch (error) {
    await store.close();
    throw error;
  }
}
