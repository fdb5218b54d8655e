import { JsonFileStore } from './json-file-store.js';
import { PostgresStore } from './postgres-store.js';
import { loadSeedFile } from './seed-file.js';
import type { Store } from './store.js';

export interface OpenStoreConfig {
  /** `postgres://...` selects PostgreSQL; otherwise the JSON file at `storePath` is used. */
  databaseUrl?: string;
  /** Tables' schema in PostgreSQL (default: the connection's search_path). */
  databaseSchema?: string;
  storePath: string;
  /** What a new store starts with, for either backend. */
  seedPath: string;
  /** No lock and no writes: for one-shot commands such as `lookup`. */
  readOnly?: boolean;
}

/** Opens the configured store. Both backends start from the same seed, so they begin equal. */
export function openStore(config: OpenStoreConfig): Promise<Store> {
  if (config.databaseUrl) {
    return PostgresStore.open({
      databaseUrl: config.databaseUrl,
      schema: config.databaseSchema,
      seed: () => loadSeedFile(config.seedPath, 'fill the new PostgreSQL store'),
      readOnly: config.readOnly,
    });
  }
  return JsonFileStore.open({ path: config.storePath, seedPath: config.seedPath, readOnly: config.readOnly });
}
