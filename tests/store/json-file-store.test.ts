import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultError } from '../../src/core/errors.js';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { storeDataSchema } from '../../src/model/store-data.js';
import { displayPath, serializeStoreData } from '../../src/store/store-data-codec.js';
import { ValidatedMarker } from '../../src/store/validated-marker.js';
import type { Store } from '../../src/store/store.js';
import { article, claim, ids, invalidClaim, lookupRecord, sampleData, type StoreDataInput } from './sample-data.js';
import { describeStoreContract } from './store-contract.js';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const OPENER = path.join(import.meta.dirname, 'fixtures/open-json-store.ts');

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'factdesk-store-'));
}

async function writeJson(file: string, data: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** Opens the store in a separate node process, as a second factdesk would. */
async function openInOtherProcess(storePath: string, seedPath: string, ...flags: string[]) {
  const args = ['--import', 'tsx', OPENER, storePath, seedPath, ...flags];
  const { stdout } = await run(process.execPath, args, { cwd: REPO_ROOT }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { ok: boolean; claims?: string[]; error?: string };
}

describeStoreContract('JsonFileStore', async (initial: StoreDataInput) => {
  const dir = await tempDir();
  const options = { path: path.join(dir, 'store.json'), seedPath: path.join(dir, 'seed.json') };
  await writeJson(options.seedPath, initial);
  return {
    store: await JsonFileStore.open(options),
    reopen: () => JsonFileStore.open(options),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});

describeStoreContract('JsonFileStore opened from bytes it wrote (entries parsed when first needed)', async (initial: StoreDataInput) => {
  const dir = await tempDir();
  // With a note of every file written, the open that follows creating the file already leaves its entries unparsed.
  const options = { path: path.join(dir, 'store.json'), seedPath: path.join(dir, 'seed.json'), validatedMarkerMinBytes: 0 };
  await writeJson(options.seedPath, initial);
  return {
    store: await JsonFileStore.open(options),
    reopen: () => JsonFileStore.open(options),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('JsonFileStore', () => {
  let dir: string;
  let storePath: string;
  let seedPath: string;
  const opened: Store[] = [];

  async function open(options: { readOnly?: boolean; lockStaleMs?: number; validatedMarkerMinBytes?: number } = {}) {
    const store = await JsonFileStore.open({ path: storePath, seedPath, ...options });
    opened.push(store);
    return store;
  }

  /** Expects opening to fail, and the store file to be exactly as it was. */
  async function expectOpenToFailUnchanged(pattern: RegExp) {
    const before = await readFile(storePath);
    const { mtimeMs } = await stat(storePath);
    const error = await open().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FaultError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).toContain(storePath);
    expect(await readFile(storePath)).toEqual(before);
    expect((await stat(storePath)).mtimeMs).toBe(mtimeMs);
    expect(await readdir(dir)).toEqual(['seed.json', 'store.json']);
  }

  beforeEach(async () => {
    dir = await tempDir();
    storePath = path.join(dir, 'store.json');
    seedPath = path.join(dir, 'seed.json');
    await writeJson(seedPath, sampleData());
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await rm(dir, { recursive: true, force: true });
  });

  describe('on first open', () => {
    it('creates the store file from the seed and never touches the seed', async () => {
      const seedBytes = await readFile(seedPath);
      const seedMtime = (await stat(seedPath)).mtimeMs;
      const store = await open();
      expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
      expect(JSON.parse(await readFile(storePath, 'utf8'))).toMatchObject({ version: 1, claims: [{ id: 'c1' }, { id: 'c2' }] });
      await store.upsert({ claims: [claim('c3')] });
      expect(await readFile(seedPath)).toEqual(seedBytes);
      expect((await stat(seedPath)).mtimeMs).toBe(seedMtime);
    });

    it('creates the folder the store file lives in', async () => {
      storePath = path.join(dir, 'nested', 'data', 'store.json');
      const store = await open();
      expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
      expect((await stat(storePath)).isFile()).toBe(true);
    });

    it('reads the existing file afterwards rather than the seed', async () => {
      const store = await open();
      await store.upsert({ claims: [claim('c3')] });
      await store.close();
      await writeJson(seedPath, { claims: [claim('seed-only')] });
      expect(ids(await (await open()).listClaims())).toEqual(['c1', 'c2', 'c3']);
    });

    it('fails, naming the seed, when there is neither store nor seed', async () => {
      await rm(seedPath);
      await expect(open()).rejects.toThrow(`There is no seed file ${seedPath} to create store file ${storePath} from.`);
      await expect(stat(storePath)).rejects.toThrow(/ENOENT/);
    });

    it('refuses an invalid seed, naming it and the bad record, and creates nothing', async () => {
      await writeJson(seedPath, { claims: [claim('fine'), invalidClaim('seed-bad')] });
      await expect(open()).rejects.toThrow(`Seed file ${seedPath} is not valid: claims[1] (id "seed-bad"): verdict:`);
      expect(await readdir(dir)).toEqual(['seed.json']);
    });
  });

  describe('a store file that cannot be read', () => {
    it('stops start-up on broken JSON, naming the file, line and column, and leaves it unchanged', async () => {
      await writeFile(storePath, '{\n  "version": 1,\n  "claims": [}\n');
      await expectOpenToFailUnchanged(/is not valid JSON: Unexpected token '}' at line 3, column 14\. The file was left unchanged\.$/);
    });

    it('locates JSON errors that V8 reports without a position', async () => {
      await writeFile(storePath, '{\n  "version": 1,\n  "claims": tru\n}\n');
      await expectOpenToFailUnchanged(/is not valid JSON: Unexpected token '\\n' at line 3, column 16\./);
    });

    it('stops start-up on a record the schema rejects, naming it by index and id', async () => {
      await writeJson(storePath, { version: 1, claims: [claim('c1'), claim('c2'), claim('c3'), invalidClaim('sample-claim-4')] });
      await expectOpenToFailUnchanged(
        /is not valid: claims\[3\] \(id "sample-claim-4"\): verdict: Invalid option: expected one of "false"\|/,
      );
    });

    it('treats an empty file as an error, not as a fresh store', async () => {
      await writeFile(storePath, '');
      await expectOpenToFailUnchanged(/is empty\. Restore it from a backup, or delete it to recreate it from the seed file/);
      expect((await stat(storePath)).size).toBe(0);
    });

    it('releases its lock when opening fails, so a fixed file opens', async () => {
      await writeFile(storePath, '{');
      await expect(open()).rejects.toThrow(FaultError);
      await writeJson(storePath, sampleData());
      expect(ids(await (await open()).listClaims())).toEqual(['c1', 'c2']);
    });
  });

  describe('writing', () => {
    it('leaves the file byte-identical when a write is refused', async () => {
      const store = await open();
      await store.upsert({ claims: [claim('c3')] });
      const before = await readFile(storePath);
      await expect(store.upsert({ claims: [claim('c4'), invalidClaim('nope')] })).rejects.toThrow(
        `Refused to write to JSON file ${storePath}: claims[1] (id "nope")`,
      );
      expect(await readFile(storePath)).toEqual(before);
    });

    it('always leaves a complete file and no temporary file behind', async () => {
      const store = await open();
      // Large enough that a non-atomic write would be caught half-done by the reader below.
      const bulky = Array.from({ length: 400 }, (_, i) => claim(`bulk-${i}`, { summary: 'x'.repeat(500) }));
      await store.upsert({ claims: bulky });

      let writing = true;
      const reads: number[] = [];
      const reader = (async () => {
        while (writing) {
          const text = await readFile(storePath, 'utf8');
          reads.push((JSON.parse(text) as { claims: unknown[] }).claims.length);
        }
      })();
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => store.upsert({ claims: [claim(`bulk-${i}`, { rating: `edit ${i}` }), claim(`new-${i}`)] })),
      );
      writing = false;
      await reader;

      expect(reads.length).toBeGreaterThan(0);
      expect(reads.every((count) => count >= 402 && count <= 442)).toBe(true);
      const final = JSON.parse(await readFile(storePath, 'utf8')) as { claims: { id: string; rating: string }[] };
      expect(final.claims).toHaveLength(442);
      expect(final.claims.find((item) => item.id === 'bulk-39')?.rating).toBe('edit 39');
      expect((await readdir(dir)).sort()).toEqual(['seed.json', 'store.json', 'store.json.lock']);
    });

    it('writes data that opens again exactly as it was read', async () => {
      const store = await open();
      await store.upsert({ articles: [article('a2', { metrics: { views: 12 } })] });
      await store.close();
      expect((await (await open()).listArticles())[1]).toEqual(article('a2', { metrics: { views: 12 } }));
    });
  });

  describe('one writer per file', () => {
    it('refuses a second process that opens the same file, until the first closes it', async () => {
      const store = await open();
      const second = await openInOtherProcess(storePath, seedPath);
      expect(second.ok).toBe(false);
      expect(second.error).toBe(
        `Store file ${storePath} is already open in another factdesk process (lock ${storePath}.lock). ` +
          'Stop that process, or point FACTDESK_STORE at another file.',
      );

      await store.close();
      expect(await openInOtherProcess(storePath, seedPath)).toEqual({ ok: true, claims: ['c1', 'c2'] });
    }, 30_000);

    it('lets a read-only process in while the file is locked', async () => {
      const store = await open();
      await store.upsert({ claims: [claim('c3')] });
      expect(await openInOtherProcess(storePath, seedPath, '--read-only')).toEqual({ ok: true, claims: ['c1', 'c2', 'c3'] });
    }, 30_000);

    it('takes the lock before creating the file, so a refused opener creates nothing', async () => {
      await open();
      await rm(storePath);
      const second = await openInOtherProcess(storePath, seedPath);
      expect(second.ok).toBe(false);
      await expect(stat(storePath)).rejects.toThrow(/ENOENT/);
    }, 30_000);

    it('frees the lock when the holding process exits without closing', async () => {
      expect((await openInOtherProcess(storePath, seedPath, '--exit-without-close')).ok).toBe(true);
      expect(ids(await (await open()).listClaims())).toEqual(['c1', 'c2']);
    }, 30_000);

    it('refuses a second open in the same process too', async () => {
      await open();
      await expect(open()).rejects.toThrow(/is already open in another factdesk process/);
    });

    it('takes over a lock left by a crashed process once it is stale', async () => {
      await writeJson(storePath, sampleData());
      await mkdir(`${storePath}.lock`);
      await expect(open({ lockStaleMs: 5_000 })).rejects.toThrow(/already open/);
      const longAgo = new Date(Date.now() - 60_000);
      await utimes(`${storePath}.lock`, longAgo, longAgo);
      expect(ids(await (await open({ lockStaleMs: 5_000 })).listClaims())).toEqual(['c1', 'c2']);
    });

    it('removes its lock on close', async () => {
      const store = await open();
      expect(await readdir(dir)).toContain('store.json.lock');
      await store.close();
      expect(await readdir(dir)).not.toContain('store.json.lock');
    });
  });

  describe('lookups recorded for stats', () => {
    const journalPath = () => `${storePath}.lookups.jsonl`;

    it('go to a journal beside the store file, which is not rewritten for them', async () => {
      const store = await open();
      const before = await readFile(storePath);
      await store.addLookups([lookupRecord('bridge', new Date().toISOString())]);
      expect(await readFile(storePath)).toEqual(before);
      expect((await readFile(journalPath(), 'utf8')).trim().split('\n')).toHaveLength(1);
      await store.close();
      expect((await (await open()).listLookups('2000-01-01')).map((record) => record.query)).toEqual(['bridge']);
    });

    it('move from the store file of an older factdesk to the journal when opened for writing, and are read there by a read-only opener', async () => {
      const legacy = lookupRecord('from before', new Date().toISOString());
      await writeJson(storePath, { ...sampleData(), lookups: [legacy] });
      const reader = await open({ readOnly: true });
      expect(await reader.listLookups('2000-01-01')).toEqual([legacy]);
      await reader.close();

      const store = await open();
      expect(await store.listLookups('2000-01-01')).toEqual([legacy]);
      expect(JSON.parse(await readFile(storePath, 'utf8')).lookups).toEqual([]);
      await store.addLookups([lookupRecord('after', new Date().toISOString())]);
      await store.close();
      expect((await (await open({ readOnly: true })).listLookups('2000-01-01')).map((record) => record.query)).toEqual(['from before', 'after']);
    });

    it('survive a crash in the middle of an append: the cut line is dropped, the rest kept', async () => {
      const store = await open();
      await store.addLookups([lookupRecord('kept', new Date().toISOString())]);
      await store.close();
      await writeFile(journalPath(), `${await readFile(journalPath(), 'utf8')}{"at":"2026-`);
      const reopened = await open();
      await reopened.addLookups([lookupRecord('next', new Date().toISOString())]);
      expect((await reopened.listLookups('2000-01-01')).map((record) => record.query)).toEqual(['kept', 'next']);
    });

    it('that cannot be read do not keep the store from opening: stats and recording then fail with a message', async () => {
      await (await open()).close();
      await mkdir(journalPath());
      const store = await open();
      expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
      await expect(store.listLookups('2000-01-01')).rejects.toThrow(/lookups\.jsonl/);
      await expect(store.addLookups([lookupRecord('lost', new Date().toISOString())])).rejects.toThrow(/lookups\.jsonl/);
    });

    it('cannot be added by a read-only opener', async () => {
      await (await open()).close();
      const reader = await open({ readOnly: true });
      await expect(reader.addLookups([lookupRecord('no', new Date().toISOString())])).rejects.toThrow(/read-only/);
      await expect(readFile(journalPath())).rejects.toThrow(/ENOENT/);
    });
  });

  describe('read-only', () => {
    it('reads without a lock and refuses every write', async () => {
      await writeJson(storePath, sampleData());
      const store = await open({ readOnly: true });
      expect(await readdir(dir)).not.toContain('store.json.lock');
      expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
      await expect(store.upsert({ claims: [claim('c3')] })).rejects.toThrow(/opened read-only; writes are refused/);
      await expect(store.setChannelSetting({ channelKey: 'k', mode: 'off', updatedAt: '2024-01-01' })).rejects.toThrow(
        FaultError,
      );
    });

    it('serves the seed without creating a missing store file', async () => {
      const store = await open({ readOnly: true });
      expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
      expect(await readdir(dir)).toEqual(['seed.json']);
    });

    it('still refuses a broken store file', async () => {
      await writeFile(storePath, '[]');
      await expect(open({ readOnly: true })).rejects.toThrow(`Store file ${storePath} is not valid: Invalid input`);
    });
  });

  describe('a large store file', () => {
    it('keeps a note of the bytes it wrote, so an unchanged file opens without being validated again', async () => {
      const store = await open({ validatedMarkerMinBytes: 0 });
      await store.upsert({ claims: [claim('c3')] });
      await store.close();
      expect((await readdir(dir)).sort()).toEqual(['seed.json', 'store.json', 'store.json.validated']);
      expect(ids(await (await open({ validatedMarkerMinBytes: 0 })).listClaims())).toEqual(['c1', 'c2', 'c3']);
    });

    it('reads the entries of a file it wrote by id before parsing them, and a write loses none of them', async () => {
      const first = await open({ validatedMarkerMinBytes: 0 });
      await first.upsert({ claims: [claim('c3')] });
      await first.close();
      const store = await open({ validatedMarkerMinBytes: 0 });
      expect(store.entriesDigest()?.entries).toBe(4);
      expect(await store.getEntries(['c3', 'a1', 'missing'])).toEqual({ claims: [claim('c3')], articles: [article('a1')] });
      // The first write, before anything listed the entries, must wait for them rather than drop them.
      await store.addFeedback({ scope: 'slack:T1', query: 'q', resultId: 'c3', at: '2024-05-01T10:00:00Z' });
      await store.close();
      const written = JSON.parse(await readFile(storePath, 'utf8')) as { claims: { id: string }[]; articles: { id: string }[] };
      expect(ids(written.claims)).toEqual(['c1', 'c2', 'c3']);
      expect(ids(written.articles)).toEqual(['a1']);
    });

    it('lists every entry while a write that leaves them alone is under way', async () => {
      await (await open({ validatedMarkerMinBytes: 0 })).close();
      const store = await open({ validatedMarkerMinBytes: 0 });
      const feedback = { scope: 'slack:T1', query: 'q', resultId: 'c1', at: '2024-05-01T10:00:00Z' };
      const [claims, , articles] = await Promise.all([store.listClaims(), store.addFeedback(feedback), store.listArticles()]);
      expect(ids(claims)).toEqual(['c1', 'c2']);
      expect(ids(articles)).toEqual(['a1']);
      expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
      expect(await store.listFeedback('slack:T1')).toEqual([feedback]);
    });

    it('copies the entries it holds as bytes through every write, and refuses to list them should they not parse', async () => {
      await (await open({ validatedMarkerMinBytes: 0 })).close();
      // Only factdesk writes the note; forging one for damaged bytes stands in for a parser that disagrees.
      const damaged = (await readFile(storePath, 'utf8')).replace('"claim": "Claim c2', '"claim": Claim c2');
      await writeFile(storePath, damaged);
      await new ValidatedMarker(storePath).record(Buffer.from(damaged));
      const store = await open({ validatedMarkerMinBytes: 0 });
      expect(ids((await store.getEntries(['c1'])).claims)).toEqual(['c1']);
      await expect(store.listClaims()).rejects.toThrow(/Cannot read the claims and articles of JSON file .*Nothing was changed\.$/);
      expect(await store.upsert({ claims: [claim('c3')] })).toEqual({ added: 1, updated: 0 });
      await store.addFeedback({ scope: 'slack:T1', query: 'q', resultId: 'c1', at: '2024-05-01T10:00:00Z' });
      const after = await readFile(storePath, 'utf8');
      expect(after).toContain('"claim": Claim c2');
      expect(after).toContain('"id": "c3"');
      expect(after).toContain('"resultId": "c1"');
    });

    it('upserts into bytes holding an id twice (a hand edit) as into parsed entries: the duplicates become one', async () => {
      const twice = serializeStoreData(storeDataSchema.parse({ claims: [claim('c1'), claim('c2'), claim('c1', { claim: 'Second c1' })] }));
      await writeFile(storePath, twice);
      await new ValidatedMarker(storePath).record(Buffer.from(twice));
      const store = await open({ validatedMarkerMinBytes: 0 });
      expect(await store.upsert({ claims: [claim('c2', { claim: 'New c2' }), claim('c3')] })).toEqual({ added: 1, updated: 1 });
      expect((await store.listClaims()).map((item) => [item.id, item.claim])).toEqual([
        ['c1', 'Second c1'],
        ['c2', 'New c2'],
        ['c3', 'Claim c3 was said somewhere'],
      ]);
    });

    it('keeps the digest of its entries across writes of other data, and changes it with them', async () => {
      const store = await open();
      const digest = store.entriesDigest()?.digest;
      expect(digest).toMatch(/^[0-9a-f]{40}$/);
      await store.addFeedback({ scope: 'slack:T1', query: 'q', resultId: 'c1', at: '2024-05-01T10:00:00Z' });
      expect(store.entriesDigest()?.digest).toBe(digest);
      await store.upsert({ claims: [claim('c3')] });
      expect(store.entriesDigest()).toMatchObject({ digest: expect.not.stringMatching(digest!) as unknown, entries: 4 });
    });

    it('knows no digest of a file laid out otherwise (hand-written JSON), whose entries are parsed at once', async () => {
      await writeFile(storePath, JSON.stringify(sampleData()));
      const store = await open({ validatedMarkerMinBytes: 0 });
      expect(store.entriesDigest()).toBeUndefined();
      expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
    });

    it('validates a file edited after the note in full, refusing a bad record as usual and changing nothing', async () => {
      await (await open({ validatedMarkerMinBytes: 0 })).close();
      const note = await readFile(`${storePath}.validated`);
      await writeJson(storePath, { version: 1, claims: [claim('c1'), invalidClaim('edited-by-hand')] });
      const before = await readFile(storePath);
      const error = await open({ validatedMarkerMinBytes: 0 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FaultError);
      expect((error as Error).message).toMatch(/is not valid: claims\[1\] \(id "edited-by-hand"\): verdict:.*The file was left unchanged\.$/);
      expect(await readFile(storePath)).toEqual(before);
      expect(await readFile(`${storePath}.validated`)).toEqual(note);
    });
  });

  it('names files relative to the working directory when they are inside it', () => {
    expect(displayPath(path.join(process.cwd(), 'data', 'store.json'))).toBe(path.join('data', 'store.json'));
    expect(displayPath('/elsewhere/store.json')).toBe('/elsewhere/store.json');
  });
});
