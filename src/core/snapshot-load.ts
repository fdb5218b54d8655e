import { decodeSnapshotFile, readSnapshotFile, type DecodedSnapshot } from '../search/index-snapshot.js';
import { SearchIndex } from '../search/search-index.js';

/** An index snapshot read from its file, with the text index built from it when it holds all that needs. */
export interface LoadedSnapshot {
  contents: DecodedSnapshot;
  /**
   * The text index, or why it could not be built. Absent when the snapshot needs its documents to
   * be restored (one written before snapshots held the texts and claimants) or when building was
   * not asked for. The link index is restored from `contents.links` later, off the start's path
   * (see LookupService).
   */
  indexes?: { text: SearchIndex } | { failure: unknown };
}

/**
 * Reads an index snapshot (off this thread, see `readSnapshotFile`) and builds the text index from
 * it, before anyone knows whether it matches the store: a start begins this before it opens the
 * store, so decoding and restoring, a few hundred milliseconds at 100,000 entries, go on while the
 * store file is read. Whether the snapshot is usable is decided when the store is open, by its
 * fingerprint and notes. Undefined when the file is missing, unreadable or damaged; never rejects.
 */
export async function loadSnapshotFile(file: string, options: { build?: boolean } = {}): Promise<LoadedSnapshot | undefined> {
  const contents = decodeSnapshotFile(await readSnapshotFile(file));
  if (!contents) return undefined;
  const { state } = contents;
  const selfContained = state.index.texts !== undefined && state.claimants !== undefined;
  if (!selfContained || options.build === false) return { contents };
  try {
    return { contents, indexes: { text: SearchIndex.fromState(state) } };
  } catch (failure) {
    return { contents, indexes: { failure } };
  }
}
