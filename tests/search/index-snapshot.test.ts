import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeSnapshotFile, readSnapshot, readSnapshotFile, writeSnapshot } from '../../src/search/index-snapshot.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { useTemporaryFolder } from '../helpers/temporary-folder.js';

const folder = useTemporaryFolder('factdesk-index-snapshot-');
let file: string;
beforeEach(() => {
  file = path.join(folder(), 'store.json.index');
});

function index(): SearchIndex {
  const search = new SearchIndex();
  search.add({ id: 'bleach', kind: 'claim', claim: 'Drinking bleach cures COVID-19.', claimant: 'Someone' });
  search.add({ id: 'moon', kind: 'claim', claim: 'The 1969 moon landing was filmed in a studio.', title: 'Was the moon landing staged?' });
  return search;
}

describe('index snapshot files', () => {
  it('are read before anyone knows what they must match, with the fingerprint they were written for', async () => {
    await writeSnapshot(file, { state: index().exportState(), meta: { entriesDigest: 'abc' } }, 'fingerprint-1');
    const read = await readSnapshotFile(file);
    const decoded = decodeSnapshotFile(read);
    expect(decoded?.fingerprint).toBe('fingerprint-1');
    expect(decoded?.meta).toEqual({ entriesDigest: 'abc' });
    expect(decodeSnapshotFile(read, 'fingerprint-1')?.state.index.ids).toEqual(['bleach', 'moon']);
    expect(decodeSnapshotFile(read, 'fingerprint-2')).toBeUndefined();
    const restored = SearchIndex.fromState(decoded!.state);
    expect(restored.search('moon landing studio')[0]?.id).toBe('moon');
  });

  it('are refused when a byte of the body changed, as read whole or in two steps', async () => {
    await writeSnapshot(file, { state: index().exportState(), meta: {} }, 'fingerprint-1');
    const bytes = await readFile(file);
    const at = bytes.length - 9;
    bytes[at] = bytes[at]! ^ 0xff;
    await writeFile(file, bytes);
    expect(decodeSnapshotFile(await readSnapshotFile(file))).toBeUndefined();
    expect(await readSnapshot(file, 'fingerprint-1')).toBeUndefined();
  });

  it('read as nothing when missing or not a snapshot at all', async () => {
    expect(await readSnapshotFile(file)).toBeUndefined();
    await writeFile(file, 'FD');
    expect(decodeSnapshotFile(await readSnapshotFile(file))).toBeUndefined();
  });
});
