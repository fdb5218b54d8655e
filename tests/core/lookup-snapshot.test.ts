import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LookupService } from '../../src/core/lookup.js';
import type { ClaimReview } from '../../src/model/claim-review.js';
import { SNAPSHOT_FORMAT } from '../../src/search/index-snapshot.js';
import { MemoryStore } from '../../src/store/memory-store.js';

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

let folder: string;
let snapshotPath: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'factdesk-snapshot-'));
  snapshotPath = path.join(folder, 'store.json.index');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
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
