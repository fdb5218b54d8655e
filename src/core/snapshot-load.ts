import { LinkIndex } from '../links/link-index.js';
import { decodeSnapshotFile, readSnapshotFile, type DecodedSnapshot } from '../search/index-snapshot.js';
import { SearchIndex } from '../search/search-index.js';

/** An index snapshot read from its file, with the indexes built from it when it holds all they need. */
export interface LoadedSnapshot {
  contents: DecodedSnapshot;
  /**
   * The text and link indexes (links when the snapshot has their keys), or why they could not be
   * built. Absent when the snapshot needs its documents to be restored (one written before
   * snapshots held the texts and claimants) or when building was not asked for.
   */
  indexes?: { text: SearchIndex; links: LinkIndex | undefined } | { failure: unknown };
}

/**
 * Reads an index snapshot (off this thread, see `readSnapshotFile`) and builds the indexes from it,
 * before anyone knows whether it matches the store: a start begins this before it opens the store,
 * so decoding and restoring, a few hundred milliseconds at 100,000 entries, go on while the store
 * file is read. Whether the snapshot is usable is decided when the store is open, by its
 * fingerprint and notes. Undefined when the file is missing, unreadable or damaged; never rejects.
 */
export async function loadSnapshotFile(file: string, options: { build?: boolean } = {}): Promise<LoadedSnapshot | undefined> {
  const contents = decodeSnapshotFile(await readSnapshotFile(file));
  if (!contents) return undefined;
  const { state } = contents;
  const selfContained = state.index.texts !== undefined && state.claimants !== undefined;
  if (!selfContained || options.build === false) return { contents };
  try {
    const text = SearchIndex.fromState(state);
    const links = contents.links && LinkIndex.fromKeys(state.index.ids, (slot) => text.kindAt(slot), contents.links);
    return { contents, indexes: { text, links } };
  } catch (failure) {
    return { contents, indexes: { failure } };
  }
}
