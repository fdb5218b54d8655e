import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSnapshotFile } from '../../src/core/snapshot-load.js';
import { LinkIndex } from '../../src/links/link-index.js';
import { writeSnapshot } from '../../src/search/index-snapshot.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { useTemporaryFolder } from '../helpers/temporary-folder.js';

const folder = useTemporaryFolder('factdesk-snapshot-load-');
let file: string;
beforeEach(() => {
  file = path.join(folder(), 'store.json.index');
});

function indexes(): { text: SearchIndex; links: LinkIndex } {
  const text = new SearchIndex();
  text.add({ id: 'bleach', kind: 'claim', claim: 'Drinking bleach cures COVID-19.' });
  text.add({ id: 'moon', kind: 'claim', claim: 'The 1969 moon landing was filmed in a studio.' });
  const links = new LinkIndex();
  links.add('moon', 'claim', ['https://checker.example/moon']);
  return { text, links };
}

describe('loadSnapshotFile', () => {
  it('restores the text index of a snapshot that holds all it needs, and leaves its link keys to be restored later', async () => {
    const { text, links } = indexes();
    const ids = text.exportState().index.ids;
    await writeSnapshot(file, { state: text.exportState(), meta: {}, links: links.exportKeys(ids) }, 'fp');
    const loaded = await loadSnapshotFile(file);
    expect(loaded?.contents.fingerprint).toBe('fp');
    const built = loaded?.indexes;
    if (!built || 'failure' in built) throw new Error('expected the text index built');
    expect(built.text.search('moon landing studio')[0]?.id).toBe('moon');
    const keys = loaded?.contents.links;
    if (!keys) throw new Error('expected the link keys');
    expect(LinkIndex.fromKeys(ids, () => 'claim', keys).find('https://checker.example/moon')).toEqual([{ id: 'moon', kind: 'claim' }]);
  });

  it('builds nothing when asked not to, or when the snapshot needs its documents', async () => {
    const { text } = indexes();
    await writeSnapshot(file, { state: text.exportState(), meta: {} }, 'fp');
    expect((await loadSnapshotFile(file, { build: false }))?.indexes).toBeUndefined();
    const { claimants: _claimants, ...needsDocuments } = text.exportState();
    await writeSnapshot(file, { state: needsDocuments, meta: {} }, 'fp');
    expect((await loadSnapshotFile(file))?.indexes).toBeUndefined();
  });

  it('keeps why the indexes could not be built, for the start to rebuild instead; it never rejects', async () => {
    const { text } = indexes();
    const state = text.exportState();
    await writeSnapshot(file, { state: { ...state, claimants: state.claimants!.slice(1) }, meta: {} }, 'fp');
    const built = (await loadSnapshotFile(file))?.indexes;
    expect(built && 'failure' in built && built.failure).toBeInstanceOf(Error);
    expect(await loadSnapshotFile(path.join(folder(), 'missing.index'))).toBeUndefined();
  });
});
