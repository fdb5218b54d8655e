import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LookupService } from '../../src/core/lookup.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { SemanticLayer } from '../../src/semantic/semantic-layer.js';
import { SentenceEncoder } from '../../src/semantic/sentence-encoder.js';
import type { Store, StoredEntries } from '../../src/store/store.js';
import { article, claim } from '../store/sample-data.js';
import { dropSchema, postgresUnavailableReason, TEST_DATABASE_URL, uniqueSchema, withTestClient } from '../store/postgres-test-db.js';

const bridge = claim('bridge', { claim: 'The Verrow bridge will be painted pink next year', verdict: 'false', rating: 'False' });
const ferry = claim('ferry', { claim: 'The Verrow ferry runs every twenty minutes', verdict: 'true', rating: 'True' });
const explainer = article('explainer', { title: 'Why the Verrow bridge stays grey', claimIds: ['bridge'] });

/** The store with another `getEntries`; everything else is the store's own. */
function withGetEntries(store: Store, getEntries: Store['getEntries']): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'getEntries') return getEntries;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A store that notes what it was asked to read, to show what a lookup reads. */
function counting(store: Store): { store: Store; reads: string[][] } {
  const reads: string[][] = [];
  const counted = withGetEntries(store, (ids: readonly string[]): Promise<StoredEntries> => {
    reads.push([...ids]);
    return store.getEntries(ids);
  });
  return { store: counted, reads };
}

describe('LookupService over a store', () => {
  it('reads only its results from the store, each lookup, so it shows what is stored now', async () => {
    const memory = new MemoryStore({ claims: [bridge, ferry] });
    const { store, reads } = counting(memory);
    const lookup = await LookupService.fromStore(store);

    const first = await lookup.lookupText('Verrow bridge painted pink', { limit: 1 });
    expect(first.results.map((result) => [result.id, result.verdict])).toEqual([['bridge', 'false']]);
    expect(reads).toEqual([['bridge']]);

    // Another process corrected the verdict in the shared store: the next answer shows it.
    await memory.upsert({ claims: [{ ...bridge, verdict: 'misleading', rating: 'Misleading' }] });
    const second = await lookup.lookupText('Verrow bridge painted pink', { limit: 1 });
    expect(second.results[0]?.verdict).toBe('misleading');
  });

  it('gives an article the verdict of the claim it covers, reading that claim when it is not a result itself', async () => {
    const { store, reads } = counting(new MemoryStore({ claims: [bridge, ferry], articles: [explainer] }));
    const lookup = await LookupService.fromStore(store);
    const outcome = await lookup.lookupText('Why the Verrow bridge stays grey', { limit: 1 });
    expect(outcome.results.map((result) => [result.kind, result.id, result.verdict])).toEqual([['article', 'explainer', 'false']]);
    expect(reads).toEqual([['explainer'], ['bridge']]);
  });

  it('leaves out a hit whose entry the store no longer has, rather than failing', async () => {
    const memory = new MemoryStore({ claims: [bridge, ferry] });
    const forgetful = withGetEntries(memory, async (ids) => ({
      claims: (await memory.getEntries(ids)).claims.filter((entry) => entry.id !== 'bridge'),
      articles: [],
    }));
    const lookup = await LookupService.fromStore(forgetful);
    const outcome = await lookup.lookupText('Verrow bridge painted pink', { limit: 2 });
    expect(outcome.results.map((result) => result.id)).toEqual(['ferry']);
  });

  it('finds a claim by the address of an older review of it that an import folded in', async () => {
    const checkedTwice = { ...bridge, otherReviewUrls: ['https://checks.example.org/2019/verrow-bridge-pink'] };
    const lookup = await LookupService.fromStore(new MemoryStore({ claims: [checkedTwice, ferry] }));
    const outcome = await lookup.lookup('https://www.checks.example.org/2019/verrow-bridge-pink/?utm_source=share');
    expect(outcome.results.map((result) => [result.id, result.reason, result.source.url])).toEqual([['bridge', 'url', bridge.reviewUrl]]);
  });

  it('answers a link only with entries whose stored links still include it', async () => {
    const memory = new MemoryStore({ claims: [bridge, ferry] });
    const lookup = await LookupService.fromStore(memory);
    expect((await lookup.lookup(bridge.reviewUrl!)).results.map((result) => [result.id, result.reason])).toEqual([['bridge', 'url']]);
    // Another process moved the review: the index still has the old link, the store no longer does.
    await memory.upsert({ claims: [{ ...bridge, reviewUrl: 'https://checks.example.org/moved' }] });
    expect((await lookup.lookup(bridge.reviewUrl!)).reason).toBe('url-words');
  });

  it('indexes a store of many scan batches whole, without a snapshot', async () => {
    const many = Array.from({ length: 12_001 }, (_, i) => claim(`c${i}`, { claim: `Council item ${i} says grant number ${i} was approved` }));
    const lookup = await LookupService.fromStore(new MemoryStore({ claims: many }));
    expect(lookup.size).toBe(12_001);
    const outcome = await lookup.lookupText('grant number 12000 approved', { limit: 1 });
    expect(outcome.results[0]?.id).toBe('c12000');
  });

  it('finds a claim added after the start at once, and reads it back by id', async () => {
    const lookup = await LookupService.fromStore(new MemoryStore({ claims: [bridge] }));
    await lookup.add({ claims: [ferry] });
    expect((await lookup.lookupText('ferry every twenty minutes', { limit: 1 })).results[0]?.id).toBe('ferry');
    expect((await lookup.getClaim('ferry'))?.verdict).toBe('true');
    expect(await lookup.getClaim('nowhere')).toBeUndefined();
    expect((await lookup.resultFor('ferry'))?.title).toBe(ferry.claim);
  });

  it('suggests claims for text being typed by reading only those claims, never articles, best first', async () => {
    const { store, reads } = counting(new MemoryStore({ claims: [bridge, ferry], articles: [explainer] }));
    const lookup = await LookupService.fromStore(store);
    expect((await lookup.suggestClaims('verrow brid', 5)).map((entry) => entry.id)).toEqual(['bridge', 'ferry']);
    expect(reads).toEqual([['bridge', 'ferry']]);
    expect(await lookup.suggestClaims('xqzvw', 5)).toEqual([]);
  });
});

const skipReason = await postgresUnavailableReason();

interface BackupRow {
  kind: string;
  id: string;
  data: unknown;
  writer: string;
}

describe.skipIf(skipReason !== undefined)('LookupService over PostgreSQL', () => {
  const schemas: string[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const schema of schemas.splice(0)) await dropSchema(schema);
  });

  /** Stores opened on one fresh schema, as separate processes would open it. */
  async function processesSharingOneStore(count: number): Promise<PostgresStore[]> {
    const schema = uniqueSchema();
    schemas.push(schema);
    const opened: PostgresStore[] = [];
    for (let i = 0; i < count; i++) opened.push(await PostgresStore.open({ databaseUrl: TEST_DATABASE_URL, schema }));
    stores.push(...opened);
    return opened;
  }

  it('builds its index from the tables and answers with rows read by id', async () => {
    const [store] = await processesSharingOneStore(1);
    await store!.upsert({ claims: [bridge, ferry], articles: [explainer] });

    const lookup = await LookupService.fromStore(store!);
    expect(lookup.size).toBe(3);
    const outcome = await lookup.lookup('Verrow bridge painted pink', { limit: 2 });
    expect(outcome.results.map((result) => [result.id, result.verdict, result.source.url])).toEqual([
      ['bridge', 'false', bridge.reviewUrl],
      ['explainer', 'false', explainer.url],
    ]);
    expect((await lookup.lookup(bridge.reviewUrl!)).results.map((result) => [result.id, result.reason])).toEqual([['bridge', 'url']]);
  });

  it('finds by text and by link what another process added, once it has caught up', async () => {
    const [mine, theirs] = (await processesSharingOneStore(2)) as [PostgresStore, PostgresStore];
    await mine.upsert({ claims: [bridge] });
    const lookup = await LookupService.fromStore(mine);

    await theirs.upsert({ claims: [ferry] });
    expect((await lookup.lookupText('ferry every twenty minutes', { limit: 1 })).results).toEqual([]);
    expect(await lookup.catchUp()).toBe(1);
    expect((await lookup.lookupText('ferry every twenty minutes', { limit: 1 })).results[0]?.id).toBe('ferry');
    expect((await lookup.lookup(ferry.reviewUrl!)).reason).toBe('url');
    expect(await lookup.catchUp()).toBe(0);
  });

  describe('with an index snapshot (FACTDESK_INDEX_SNAPSHOT)', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'factdesk-pg-snapshot-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes one after building, and a restart loads it and indexes only what changed since', async () => {
      const [mine, theirs] = (await processesSharingOneStore(2)) as [PostgresStore, PostgresStore];
      await mine.upsert({ claims: [bridge], articles: [explainer] });
      const indexSnapshotPath = path.join(dir, 'postgres.index');
      const first = await LookupService.fromStore(mine, { indexSnapshotPath });
      expect(first.indexSource).toBe('built');
      await first.snapshotWritten();

      // While it was down, another process added a claim and reworded one.
      await theirs.upsert({ claims: [ferry, { ...bridge, claim: 'The Verrow bridge will be painted green next year' }] });

      const scan = vi.spyOn(mine, 'scanEntries');
      const restarted = await LookupService.fromStore(mine, { indexSnapshotPath });
      expect(restarted.indexSource).toBe('snapshot');
      expect(restarted.size).toBe(3);
      expect((await restarted.lookupText('ferry every twenty minutes', { limit: 1 })).results[0]?.id).toBe('ferry');
      expect((await restarted.lookupText('bridge painted green', { limit: 1 })).results[0]?.id).toBe('bridge');
      expect((await restarted.lookupText('Why the Verrow bridge stays grey', { limit: 1 })).results[0]?.id).toBe('explainer');
      // The links come with the snapshot (those caught up from the change feed): no scan reads them all.
      expect((await restarted.lookup(bridge.reviewUrl!)).results.map((result) => [result.id, result.reason])).toEqual([['bridge', 'url']]);
      expect((await restarted.lookup(ferry.reviewUrl!)).reason).toBe('url');
      expect(scan).not.toHaveBeenCalled();
      expect(await restarted.catchUp()).toBe(0);
    });

    it('rewrites the snapshot at a start that had much to catch up on, and leaves it at one that had little', async () => {
      const [mine, theirs] = (await processesSharingOneStore(2)) as [PostgresStore, PostgresStore];
      await mine.upsert({ claims: [bridge] });
      const indexSnapshotPath = path.join(dir, 'postgres.index');
      await (await LookupService.fromStore(mine, { indexSnapshotPath })).snapshotWritten();
      const written = await readFile(indexSnapshotPath);

      await theirs.upsert({ claims: [ferry] });
      const caughtUp = await LookupService.fromStore(mine, { indexSnapshotPath });
      await caughtUp.snapshotWritten();
      const rewritten = await readFile(indexSnapshotPath);
      expect(rewritten.equals(written)).toBe(false);

      const next = await LookupService.fromStore(mine, { indexSnapshotPath });
      await next.snapshotWritten();
      expect(next.indexSource).toBe('snapshot');
      expect((await readFile(indexSnapshotPath)).equals(rewritten)).toBe(true);
      expect((await next.lookupText('ferry every twenty minutes', { limit: 1 })).results[0]?.id).toBe('ferry');
    });

    it('rebuilds instead of loading a snapshot written for another database or schema', async () => {
      const indexSnapshotPath = path.join(dir, 'postgres.index');
      const [one] = await processesSharingOneStore(1);
      await one!.upsert({ claims: [bridge] });
      await (await LookupService.fromStore(one!, { indexSnapshotPath })).snapshotWritten();

      const [other] = await processesSharingOneStore(1);
      await other!.upsert({ claims: [ferry] });
      const lookup = await LookupService.fromStore(other!, { indexSnapshotPath });
      expect(lookup.indexSource).toBe('built');
      expect((await lookup.lookupText('Verrow bridge painted pink', { limit: 3 })).results.map((result) => result.id)).not.toContain('bridge');
      expect((await lookup.lookupText('ferry every twenty minutes', { limit: 1 })).results[0]?.id).toBe('ferry');
    });

    /** A store of bridge and ferry whose backup was taken when it held the bridge only. */
    async function storeWithBackup(): Promise<{ schema: string; store: PostgresStore; backup: BackupRow[] }> {
      const schema = uniqueSchema();
      schemas.push(schema);
      const store = await PostgresStore.open({ databaseUrl: TEST_DATABASE_URL, schema });
      stores.push(store);
      await store.upsert({ claims: [bridge] });
      // The backup: every row as pg_dump writes it, the transaction id that wrote it included.
      const backup = await withTestClient(async (client) => {
        await client.query(`SET search_path = "${schema}"`);
        return (await client.query<BackupRow>('SELECT kind, id, data, writer::text FROM factdesk_entries')).rows;
      });
      await store.upsert({ claims: [ferry] });
      return { schema, store, backup };
    }

    /** As `pg_restore --clean` restores a backup: the tables made anew, the rows put back as they were. */
    async function restore(schema: string, backup: readonly BackupRow[]): Promise<void> {
      await dropSchema(schema);
      stores.push(await PostgresStore.open({ databaseUrl: TEST_DATABASE_URL, schema }));
      await withTestClient(async (client) => {
        await client.query(`SET search_path = "${schema}"`);
        for (const row of backup) {
          await client.query('INSERT INTO factdesk_entries (kind, id, data, writer) VALUES ($1, $2, $3, $4::xid8)', [row.kind, row.id, row.data, row.writer]);
        }
      });
    }

    it('rebuilds instead of loading a snapshot taken after the backup the database was restored from', async () => {
      const indexSnapshotPath = path.join(dir, 'postgres.index');
      const { schema, store: before, backup } = await storeWithBackup();
      await (await LookupService.fromStore(before, { indexSnapshotPath })).snapshotWritten();
      await before.close();
      await restore(schema, backup);

      const restored = await PostgresStore.open({ databaseUrl: TEST_DATABASE_URL, schema });
      stores.push(restored);
      const lookup = await LookupService.fromStore(restored, { indexSnapshotPath });
      expect(lookup.indexSource).toBe('built');
      expect(lookup.size).toBe(1);
      expect((await lookup.lookupText('ferry every twenty minutes', { limit: 3 })).results.map((result) => result.id)).not.toContain('ferry');
      expect((await lookup.lookupText('Verrow bridge painted pink', { limit: 1 })).results[0]?.id).toBe('bridge');
    });

    it('builds its index again when the database is restored from a backup while it runs, and writes a snapshot of it', async () => {
      const indexSnapshotPath = path.join(dir, 'postgres.index');
      const { schema, store, backup } = await storeWithBackup();
      const semantic = new SemanticLayer(SentenceEncoder.load());
      const lookup = await LookupService.fromStore(store, { indexSnapshotPath, semantic });
      await Promise.all([lookup.snapshotWritten(), lookup.allClaimsEmbedded()]);
      expect([lookup.size, semantic.embedded]).toEqual([2, 2]);

      // Marked a wrong match after the backup was taken: the restored database has no such mark.
      await lookup.recordWrongMatch({ scope: 'console', query: 'Verrow bridge painted pink', resultId: 'bridge' });
      expect((await lookup.lookupText('Verrow bridge painted pink', { scope: 'console' })).results.map((result) => result.id)).not.toContain('bridge');

      await restore(schema, backup);
      expect(await lookup.catchUp()).toBe(1);
      expect((await lookup.lookupText('Verrow bridge painted pink', { scope: 'console' })).results[0]?.id).toBe('bridge');
      await lookup.allClaimsEmbedded();
      // The ferry's vector went with it; the bridge, unchanged, kept its own.
      expect(semantic.embedded).toBe(1);
      expect(lookup.size).toBe(1);
      expect((await lookup.lookupText('ferry every twenty minutes', { limit: 3 })).results.map((result) => result.id)).not.toContain('ferry');
      expect((await lookup.lookup(bridge.reviewUrl!)).results.map((result) => [result.id, result.reason])).toEqual([['bridge', 'url']]);
      expect(await lookup.catchUp()).toBe(0);

      await lookup.snapshotWritten();
      const restarted = await LookupService.fromStore(store, { indexSnapshotPath });
      expect([restarted.indexSource, restarted.size]).toEqual(['snapshot', 1]);
      await lookup.closeSemantic();
    });
  });

  it('leaves out, once it has caught up, a result marked a wrong match through another process', async () => {
    const [mine, theirs] = (await processesSharingOneStore(2)) as [PostgresStore, PostgresStore];
    await mine.upsert({ claims: [bridge, ferry] });
    const here = await LookupService.fromStore(mine);
    const there = await LookupService.fromStore(theirs);
    const query = 'Verrow bridge painted pink';
    expect((await here.lookupText(query, { scope: 'slack:T1' })).results[0]?.id).toBe('bridge');

    await there.recordWrongMatch({ scope: 'slack:T1', query, resultId: 'bridge' });
    await here.catchUp();
    expect((await here.lookupText(query, { scope: 'slack:T1' })).results.map((result) => result.id)).not.toContain('bridge');
    expect((await here.lookupText(query, { scope: 'discord:G1' })).results[0]?.id).toBe('bridge');
  });

  it('catches up on its own while it follows the store, until told to stop', async () => {
    const [mine, theirs] = (await processesSharingOneStore(2)) as [PostgresStore, PostgresStore];
    const lookup = await LookupService.fromStore(mine);
    const stop = lookup.followChanges(20);
    try {
      await theirs.upsert({ claims: [ferry] });
      await expect.poll(async () => (await lookup.lookupText('ferry every twenty minutes', { limit: 1 })).results[0]?.id, { timeout: 5000 }).toBe('ferry');
    } finally {
      stop();
    }
  });
});

describe('LookupService over a store only it writes', () => {
  it('has nothing to catch up with and follows nothing', async () => {
    const lookup = await LookupService.fromStore(new MemoryStore({ claims: [bridge] }));
    expect(await lookup.catchUp()).toBe(0);
    lookup.followChanges(10)();
  });
});
