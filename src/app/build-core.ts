import { commands } from '../../commands/index.js';
import { createCore, type Core } from '../core/core.js';
import { LookupService } from '../core/lookup.js';
import { loadSnapshotFile } from '../core/snapshot-load.js';
import { openStore } from '../store/open-store.js';
import { SemanticLayer } from '../semantic/semantic-layer.js';
import type { StoreConfig } from '../config/config.js';
import { indexSnapshotPathFor } from './index-snapshot-path.js';

/**
 * With FACTDESK_SEMANTIC=auto, the largest store ranked with the sentence encoder. Above it, the
 * first embedding of every claim would take minutes of a core (0.7 ms a claim) and the vectors
 * 0.5 KB of memory a claim: set FACTDESK_SEMANTIC=on to have it anyway.
 */
export const SEMANTIC_AUTO_MAX_ENTRIES = 200_000;

/** Opens the store and builds the searchable core on it: the part every entry point shares. */
export async function buildCore(config: StoreConfig & { readOnly?: boolean; databaseSchema?: string }): Promise<Core> {
  // A snapshot of the search index spares a restart the rebuild. It is read and restored while the store opens.
  const indexSnapshotPath = indexSnapshotPathFor(config);
  const indexSnapshot = indexSnapshotPath ? loadSnapshotFile(indexSnapshotPath) : undefined;
  const store = await openStore(config);
  try {
    // The claims' sentence vectors are kept beside the store file (or the PostgreSQL snapshot), so a restart embeds only what changed.
    const vectorsFile = config.databaseUrl ? indexSnapshotPath && `${indexSnapshotPath}.vectors` : `${config.storePath}.vectors`;
    // With `on` the encoder loads while the index is built; `auto` waits to know the store's size.
    const semanticOptions = { vectorsFile, readOnly: config.readOnly };
    const semantic = config.semantic === 'on' ? SemanticLayer.start(semanticOptions) : undefined;
    const lookup = await LookupService.fromStore(store, { indexSnapshotPath, indexSnapshot, semantic });
    if (config.semantic === 'auto' && lookup.size <= SEMANTIC_AUTO_MAX_ENTRIES) lookup.useSemantic(SemanticLayer.start(semanticOptions));
    return createCore({ store, lookup, commands });
  } catch (error) {
    await store.close();
    throw error;
  }
}
