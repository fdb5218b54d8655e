import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LookupService } from '../../src/core/lookup.js';
import type { ClaimReview } from '../../src/model/claim-review.js';
import { loadSnapshotFile } from '../../src/core/snapshot-load.js';
import { SNAPSHOT_FORMAT, readSnapshot, storedEntriesFingerprint, writeSnapshot } from '../../src/search/index-snapshot.js';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { useTemporaryFolder } from '../helpers/temporary-folder.js';

const claim = (id: string, text: string, summary?: string): ClaimReview => ({
  id,
  claim: text,
  summary,
  verdict: 'false',
  rating: 'False',
  reviewer: { name: 'Checker' },
  reviewUrl: `https://checker.example/${id}`,
  language: 'en',
  appearances: [],
  tags: [],
});

const CLAIMS = [
  claim('alliance', 'Russia has concluded a military alliance with China', 'No treaty was signed.'),
  claim('guantanamo', '122 detainees released from Guantanamo Bay have re-engaged in terrorism.'),
  claim('5g', '5G towers spread the coronavirus.', 'Radio waves do not carry viruses.'),
  claim('bleach', 'Drinking bleach cures COVID-19.'),
  claim('moon', 'The 1969 moon landing was filmed in a studio.'),
];
const QUERIES = ['russia china military pact', 'guantanmo detainees terrorism', 'does 5g spread covid', 'bleach cure', 'moon landing fake'];

const temporaryFolder = useTemporaryFolder('factdesk-snapshot-');
let folder: string;
let snapshotPath: string;
beforeEach(() => {
  folder = temporaryFolder();
  snapshotPath = path.join(folder, 'store.json.index');
});

async function start(claims: ClaimReview[] = CLAIMS): Promise<LookupService> {
  const lookup = await LookupService.fromStore(new MemoryStore({ claims }), { indexSnapshotPath: snapshotPath, snapshotMinEntries: 0 });
  await lookup.snapshotWritten();
  return lookup;
}

async function answers(lookup: LookupService): Promise<unknown[]> {
  return Promise.all(QUERIES.map(async (query) => (await lookup.lookup(query, { limit: 5 })).results.map((r) => [r.id, r.score])));
}

describe('LookupService index snapshot', () => {
  it('builds the index on a first start and writes the snapshot', async () => {
    const lookup = await start();
    expect(lookup.indexSource).toBe('built');
    expect((await stat(snapshotPath)).size).toBeGreaterThan(0);
  });

  it('loads the snapshot on the next start and answers exactly as a fresh build', async () => {
    const built = await start();
    const restored = await start();
    expect(restored.indexSource).toBe('snapshot');
    expect(await answers(restored)).toEqual(await answers(built));
  });

  it('keeps a restored index incremental: an added claim is findable at once', async () => {
    await start();
    const restored = await start();
    await restored.add({ claims: [claim('windmill', 'Windmill noise causes cancer.')] });
    expect((await restored.lookup('windmill noise cancer')).results[0]?.id).toBe('windmill');
    expect((await restored.lookup('https://checker.example/windmill')).results[0]?.id).toBe('windmill');
  });

  it('rebuilds when the store changed since the snapshot was written', async () => {
    await start();
    const changed = CLAIMS.map((entry) => (entry.id === 'moon' ? { ...entry, claim: 'The moon is made of cheese.' } : entry));
    const lookup = await start(changed);
    expect(lookup.indexSource).toBe('built');
    expect((await lookup.lookup('moon cheese')).results[0]?.id).toBe('moon');
    expect((await start(changed)).indexSource).toBe('snapshot');
  });

  it('ignores a snapshot of another format version', async () => {
    await start();
    const bytes = await readFile(snapshotPath);
    await writeFile(snapshotPath, Buffer.from(bytes.toString('latin1').replace(`"format":${SNAPSHOT_FORMAT}`, `"format":${SNAPSHOT_FORMAT - 1}`), 'latin1'));
    expect((await start()).indexSource).toBe('built');
  });

  it('ignores a corrupt or truncated snapshot and rebuilds, without failing', async () => {
    await start();
    const bytes = await readFile(snapshotPath);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3]! ^= 0xff;
    await writeFile(snapshotPath, flipped);
    const afterFlip = await start();
    expect(afterFlip.indexSource).toBe('built');
    expect((await afterFlip.lookup('bleach cure')).results[0]?.id).toBe('bleach');

    await writeFile(snapshotPath, bytes.subarray(0, bytes.length >> 1));
    expect((await start()).indexSource).toBe('built');
    await writeFile(snapshotPath, 'not a snapshot');
    expect((await start()).indexSource).toBe('built');
  });

  it('builds without a snapshot for a small store', async () => {
    const lookup = await LookupService.fromStore(new MemoryStore({ claims: CLAIMS }), { indexSnapshotPath: snapshotPath });
    await lookup.snapshotWritten();
    expect(lookup.indexSource).toBe('built');
    await expect(stat(snapshotPath)).rejects.toThrow();
  });
});

describe('LookupService index snapshot over a JSON store file', () => {
  let storePath: string;
  let seedPath: string;
  const stores: Store[] = [];

  beforeEach(async () => {
    storePath = path.join(folder, 'store.json');
    seedPath = path.join(folder, 'seed.json');
    await writeFile(seedPath, JSON.stringify({ claims: CLAIMS }));
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  /**
   * A start as the bot makes it (`buildCore`): the snapshot's load begun, the store opened (with
   * the note of its bytes), then the index.
   */
  async function startOnFile(): Promise<LookupService> {
    const indexSnapshot = loadSnapshotFile(snapshotPath);
    const store = await JsonFileStore.open({ path: storePath, seedPath, validatedMarkerMinBytes: 0 });
    stores.push(store);
    const lookup = await LookupService.fromStore(store, { indexSnapshotPath: snapshotPath, indexSnapshot, snapshotMinEntries: 0 });
    await lookup.snapshotWritten();
    return lookup;
  }

  /** A start from `source` that answers the queries as `expected` and finds a claim by its review link. */
  async function expectAnswers(lookup: LookupService, source: 'built' | 'snapshot', expected: unknown[]): Promise<void> {
    expect(lookup.indexSource).toBe(source);
    expect(await answers(lookup)).toEqual(expected);
    expect((await lookup.lookup('https://checker.example/moon')).results[0]?.id).toBe('moon');
  }

  async function restart(): Promise<LookupService> {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    return startOnFile();
  }

  it('starts from the snapshot matching the digest of the entries, answering as a fresh build, links included', async () => {
    const built = await startOnFile();
    expect(built.indexSource).toBe('built');
    const expected = await answers(built);
    await expectAnswers(await restart(), 'snapshot', expected);
  });

  it('loads the links with the index: a link lookup right after the start reads no entry but its result', async () => {
    await startOnFile();
    await Promise.all(stores.splice(0).map((store) => store.close()));
    const store = await JsonFileStore.open({ path: storePath, seedPath, validatedMarkerMinBytes: 0 });
    stores.push(store);
    const scan = vi.spyOn(store, 'scanEntries');
    const lookup = await LookupService.fromStore(store, { indexSnapshotPath: snapshotPath, snapshotMinEntries: 0 });
    expect(lookup.indexSource).toBe('snapshot');
    expect((await lookup.lookup('https://checker.example/moon?utm_source=feed')).results.map((result) => [result.id, result.reason])).toEqual([['moon', 'url']]);
    expect(scan).not.toHaveBeenCalled();
  });

  it('keeps the snapshot usable across writes of anything but entries', async () => {
    const lookup = await startOnFile();
    await lookup.recordWrongMatch({ scope: 'console', query: 'bleach cure', resultId: 'bleach' });
    expect((await restart()).indexSource).toBe('snapshot');
  });

  it('rewrites the snapshot after entries were added, so the next start loads it and finds them', async () => {
    const lookup = await startOnFile();
    await lookup.add({ claims: [claim('windmill', 'Windmill noise causes cancer.')] });
    await lookup.writePendingSnapshot();
    const restored = await restart();
    expect(restored.indexSource).toBe('snapshot');
    expect((await restored.lookup('windmill noise cancer')).results[0]?.id).toBe('windmill');
    expect((await restored.lookup('https://checker.example/windmill')).results[0]?.id).toBe('windmill');
  });

  it('indexes only what changed when the store was written without the snapshot being rewritten (an import, a stop)', async () => {
    const lookup = await startOnFile();
    const before = await readFile(snapshotPath);
    await lookup.add({ claims: [claim('windmill', 'Windmill noise causes cancer.')] });
    await lookup.writePendingSnapshot();
    await writeFile(snapshotPath, before);
    await Promise.all(stores.splice(0).map((store) => store.close()));
    // `factdesk import` writes the store with no index at all: a rewording, a new claim.
    const importer = await JsonFileStore.open({ path: storePath, seedPath, validatedMarkerMinBytes: 0 });
    await importer.upsert({ claims: [claim('moon', 'The moon is made of cheese.'), claim('tides', 'The tides are caused by the wind.')] });
    await importer.close();

    const restarted = await startOnFile();
    expect(restarted.indexSource).toBe('snapshot');
    expect((await restarted.lookup('windmill noise cancer')).results[0]?.id).toBe('windmill');
    expect((await restarted.lookup('tides caused by wind')).results[0]?.id).toBe('tides');
    expect((await restarted.lookup('https://checker.example/tides')).results.map((result) => result.reason)).toEqual(['url']);
    expect((await restarted.lookup('moon made of cheese')).results[0]?.id).toBe('moon');
    expect((await restarted.lookup('landing filmed in a studio in 1969', { limit: 5 })).results.map((result) => result.id)).not.toContain('moon');
    expect(await answers(restarted)).toEqual(await answers(LookupService.fromEntries({ claims: await stores[0]!.listClaims() })));
  });

  it('answers a link by the store as it is after a catch-up that moved a claim to another link, the snapshot’s keys notwithstanding', async () => {
    await startOnFile();
    await Promise.all(stores.splice(0).map((store) => store.close()));
    const importer = await JsonFileStore.open({ path: storePath, seedPath, validatedMarkerMinBytes: 0 });
    await importer.upsert({ claims: [{ ...claim('moon', 'The 1969 moon landing was filmed in a studio.'), reviewUrl: 'https://checker.example/moon-landing' }] });
    await importer.close();

    const restarted = await startOnFile();
    expect(restarted.indexSource).toBe('snapshot');
    const byLink = async (url: string) => (await restarted.lookup(url)).results.filter((result) => result.reason === 'url').map((result) => result.id);
    expect(await byLink('https://checker.example/moon-landing')).toEqual(['moon']);
    expect(await byLink('https://checker.example/moon')).toEqual([]);
  });

  it('rebuilds, answering as a fresh build, when the snapshot matches but its indexes cannot be restored', async () => {
    const expected = await answers(await startOnFile());
    const contents = (await readSnapshot(snapshotPath, storedEntriesFingerprint()))!;
    const { state } = contents;
    // Whole and matching, but one claimant short of its ids: restoring it throws.
    await writeSnapshot(snapshotPath, { ...contents, state: { ...state, claimants: state.claimants!.slice(1) } }, storedEntriesFingerprint());
    await expectAnswers(await restart(), 'built', expected);
  });

  it('rebuilds from a snapshot written for another kind of store', async () => {
    await startOnFile();
    await Promise.all(stores.splice(0).map((store) => store.close()));
    const lookup = await LookupService.fromStore(new MemoryStore({ claims: CLAIMS }), { indexSnapshotPath: snapshotPath, snapshotMinEntries: 0 });
    await lookup.snapshotWritten();
    const restarted = await startOnFile();
    expect(restarted.indexSource).toBe('built');
    expect((await restarted.lookup('bleach cure')).results[0]?.id).toBe('bleach');
  });
});
