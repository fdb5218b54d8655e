import { afterEach, describe, expect, it } from 'vitest';
import { FaultError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/store.js';
import {
  article,
  channelSetting,
  claim,
  feedback,
  ids,
  invalidClaim,
  lookupRecord,
  request,
  sampleData,
  type StoreDataInput,
} from './sample-data.js';

export interface StoreUnderTest {
  store: Store;
  /** Opens the same data again after `store` was closed, for backends that keep it. */
  reopen?: () => Promise<Store>;
  /** Removes what the test created (files, schemas); runs after every store was closed. */
  dispose?: () => Promise<void>;
}

export type MakeStore = (initial: StoreDataInput) => Promise<StoreUnderTest>;

/**
 * The behaviour every Store backend shares. Each test gets a fresh store holding `sampleData()`:
 * claims c1, c2 and article a1.
 */
export function describeStoreContract(name: string, makeStore: MakeStore, options: { skipReason?: string } = {}) {
  describe.skipIf(options.skipReason !== undefined)(`${name} (Store contract)`, () => {
    const opened: Store[] = [];
    const disposers: (() => Promise<void>)[] = [];

    async function fresh(initial: StoreDataInput = sampleData()) {
      const made = await makeStore(initial);
      opened.push(made.store);
      if (made.dispose) disposers.push(made.dispose);
      const reopen = made.reopen;
      return {
        store: made.store,
        reopen: reopen
          ? async () => {
              const store = await reopen();
              opened.push(store);
              return store;
            }
          : undefined,
      };
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      for (const dispose of disposers.splice(0)) await dispose();
    });

    it('starts with the data it was given, in order', async () => {
      const { store } = await fresh();
      expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
      expect(ids(await store.listArticles())).toEqual(['a1']);
      expect((await store.listClaims())[1]?.verdict).toBe('misleading');
    });

    it('describes where its data lives', async () => {
      const { store } = await fresh();
      expect(store.description).toMatch(/\S/);
    });

    describe('upsert', () => {
      it('adds claims and articles with new ids and counts them as added', async () => {
        const { store } = await fresh();
        const result = await store.upsert({ claims: [claim('c3')], articles: [article('a2'), article('a3')] });
        expect(result).toEqual({ added: 3, updated: 0 });
        expect(ids(await store.listClaims())).toEqual(['c1', 'c2', 'c3']);
        expect(ids(await store.listArticles())).toEqual(['a1', 'a2', 'a3']);
      });

      it('replaces an entry with the same id in place and counts it as updated', async () => {
        const { store } = await fresh();
        const result = await store.upsert({ claims: [claim('c1', { verdict: 'true', rating: 'Correct' }), claim('c4')] });
        expect(result).toEqual({ added: 1, updated: 1 });
        const claims = await store.listClaims();
        expect(ids(claims)).toEqual(['c1', 'c2', 'c4']);
        expect(claims[0]).toMatchObject({ verdict: 'true', rating: 'Correct' });
        expect(claims[1]).toEqual(claim('c2', { verdict: 'misleading', rating: 'Misleading' }));
      });

      it('keeps claims and articles apart, even when they share an id', async () => {
        const { store } = await fresh();
        expect(await store.upsert({ articles: [article('c1')] })).toEqual({ added: 1, updated: 0 });
        expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
        expect(ids(await store.listArticles())).toEqual(['a1', 'c1']);
      });

      it('lets the last of several entries with one id win, counted once', async () => {
        const { store } = await fresh();
        const result = await store.upsert({ claims: [claim('c5', { rating: 'first' }), claim('c5', { rating: 'second' })] });
        expect(result).toEqual({ added: 1, updated: 0 });
        const claims = await store.listClaims();
        expect(ids(claims)).toEqual(['c1', 'c2', 'c5']);
        expect(claims[2]?.rating).toBe('second');
      });

      it('does nothing for an empty write', async () => {
        const { store } = await fresh();
        expect(await store.upsert({})).toEqual({ added: 0, updated: 0 });
        expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
      });

      it('refuses a write with an invalid claim, naming it, and changes nothing', async () => {
        const { store } = await fresh();
        const write = store.upsert({ claims: [claim('c6'), invalidClaim('bad-claim'), claim('c1', { rating: 'changed' })] });
        await expect(write).rejects.toThrow(FaultError);
        await expect(write).rejects.toThrow(/claims\[1\] \(id "bad-claim"\): verdict: Invalid option/);
        const claims = await store.listClaims();
        expect(ids(claims)).toEqual(['c1', 'c2']);
        expect(claims[0]?.rating).toBe('False');
      });

      it('refuses a write with an invalid article, naming the field', async () => {
        const { store } = await fresh();
        const bad = { ...article('bad-article'), url: 'ftp://files.example.com/x' };
        await expect(store.upsert({ claims: [claim('c7')], articles: [bad] })).rejects.toThrow(
          /articles\[0\] \(id "bad-article"\): url: /,
        );
        expect(ids(await store.listClaims())).toEqual(['c1', 'c2']);
        expect(ids(await store.listArticles())).toEqual(['a1']);
      });

      it('fills in schema defaults for fields the caller left out', async () => {
        const { store } = await fresh();
        const { language: _language, appearances: _appearances, tags: _tags, ...bare } = claim('c8');
        await store.upsert({ claims: [bare as ReturnType<typeof claim>] });
        const stored = (await store.listClaims()).find((item) => item.id === 'c8');
        expect(stored).toMatchObject({ language: 'en', appearances: [], tags: [] });
      });

      it('loses nothing when many upserts run at once', async () => {
        const { store } = await fresh();
        const writes = Array.from({ length: 25 }, (_, i) => store.upsert({ claims: [claim(`parallel-${i}`)] }));
        const results = await Promise.all(writes);
        expect(results.reduce((sum, result) => sum + result.added, 0)).toBe(25);
        const stored = new Set(ids(await store.listClaims()));
        for (let i = 0; i < 25; i++) expect(stored).toContain(`parallel-${i}`);
        expect(stored.size).toBe(27);
      });

      it('leaves a list read earlier as it was', async () => {
        const { store } = await fresh();
        const before = await store.listClaims();
        await store.upsert({ claims: [claim('c9'), claim('c1', { rating: 'changed' })] });
        expect(ids(before)).toEqual(['c1', 'c2']);
        expect(before[0]?.rating).toBe('False');
      });
    });

    describe('entries by id and in batches', () => {
      it('fetches the entries with the given ids, of either kind, and leaves unknown ids out', async () => {
        const { store } = await fresh();
        const found = await store.getEntries(['c2', 'a1', 'missing', 'c2']);
        expect(ids(found.claims)).toEqual(['c2']);
        expect(ids(found.articles)).toEqual(['a1']);
        expect(found.claims[0]).toEqual((await store.listClaims())[1]);
        expect(await store.getEntries([])).toEqual({ claims: [], articles: [] });
      });

      it('sees an entry as soon as it was written', async () => {
        const { store } = await fresh();
        await store.upsert({ claims: [claim('c3'), { ...claim('c1'), claim: 'Corrected wording' }] });
        const found = await store.getEntries(['c1', 'c3']);
        expect(ids(found.claims).sort()).toEqual(['c1', 'c3']);
        expect(found.claims.find((entry) => entry.id === 'c1')?.claim).toBe('Corrected wording');
      });

      it('scans every claim, then every article, in batches no larger than asked for', async () => {
        const { store } = await fresh();
        await store.upsert({ claims: ['c3', 'c4', 'c5'].map((id) => claim(id)) });
        const batches = [];
        for await (const batch of store.scanEntries(2)) batches.push(batch);
        expect(batches.flatMap((batch) => [...ids(batch.claims), ...ids(batch.articles)])).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'a1']);
        expect(batches.every((batch) => batch.claims.length + batch.articles.length <= 2)).toBe(true);
        expect(batches.length).toBeGreaterThanOrEqual(3);
      });

      it('scans one consistent view, even while writes go on', async () => {
        const { store } = await fresh();
        const seen: string[] = [];
        for await (const batch of store.scanEntries(1)) {
          seen.push(...ids(batch.claims), ...ids(batch.articles));
          if (seen.length === 1) await store.upsert({ claims: [claim('late')] });
        }
        expect(seen).toEqual(['c1', 'c2', 'a1']);
        expect(ids(await store.listClaims())).toContain('late');
      });
    });

    describe('feedback', () => {
      it('is listed only in the scope it was given in', async () => {
        const { store } = await fresh();
        await store.addFeedback(feedback('slack:T1', 'vaccines cause x', 'c1'));
        await store.addFeedback(feedback('discord:9', 'vaccines cause x', 'c2'));
        await store.addFeedback(feedback('slack:T1', 'other query', 'c2'));
        expect((await store.listFeedback('slack:T1')).map((item) => [item.query, item.resultId])).toEqual([
          ['vaccines cause x', 'c1'],
          ['other query', 'c2'],
        ]);
        expect((await store.listFeedback('discord:9')).map((item) => item.resultId)).toEqual(['c2']);
        expect(await store.listFeedback('console')).toEqual([]);
      });

      it('keeps one record per scope, query and result: the latest', async () => {
        const { store } = await fresh();
        await store.addFeedback(feedback('slack:T1', 'q', 'c1', '2024-05-01T10:00:00Z'));
        await store.addFeedback(feedback('slack:T1', 'q', 'c1', '2024-06-01T10:00:00Z'));
        const listed = await store.listFeedback('slack:T1');
        expect(listed).toHaveLength(1);
        expect(listed[0]?.at).toBe('2024-06-01T10:00:00Z');
      });

      it('refuses invalid feedback and records nothing', async () => {
        const { store } = await fresh();
        await expect(store.addFeedback({ ...feedback('slack:T1', 'q', 'c1'), at: 'yesterday' })).rejects.toThrow(
          /feedback: at: must be an ISO 8601 date/,
        );
        expect(await store.listFeedback('slack:T1')).toEqual([]);
      });
    });

    describe('channel settings', () => {
      it('has none for a channel nobody configured', async () => {
        const { store } = await fresh();
        expect(await store.getChannelSetting('slack:T1:C1')).toBeUndefined();
      });

      it('returns the latest setting per channel and leaves other channels alone', async () => {
        const { store } = await fresh();
        await store.setChannelSetting(channelSetting('slack:T1:C1', 'thread'));
        await store.setChannelSetting(channelSetting('slack:T1:C2', 'reply'));
        await store.setChannelSetting(channelSetting('slack:T1:C1', 'off'));
        expect(await store.getChannelSetting('slack:T1:C1')).toEqual(channelSetting('slack:T1:C1', 'off'));
        expect((await store.getChannelSetting('slack:T1:C2'))?.mode).toBe('reply');
      });

      it('refuses an unknown mode and keeps the previous setting', async () => {
        const { store } = await fresh();
        await store.setChannelSetting(channelSetting('slack:T1:C1', 'thread'));
        const bad = { ...channelSetting('slack:T1:C1', 'off'), mode: 'shout' as 'off' };
        await expect(store.setChannelSetting(bad)).rejects.toThrow(/channel setting: mode: Invalid option/);
        expect((await store.getChannelSetting('slack:T1:C1'))?.mode).toBe('thread');
      });
    });

    describe('requests', () => {
      const askAgain = (current: ReturnType<typeof request> | undefined, id: string, userId: string) =>
        current
          ? { ...current, askers: [...current.askers, { ...current.askers[0]!, userId }] }
          : request(id, { askers: [{ platform: 'slack' as const, scope: 'slack:T1', userId, at: '2024-05-01T10:00:00Z' }] });

      it('has none at first', async () => {
        const { store } = await fresh();
        expect(await store.listRequests()).toEqual([]);
      });

      it('creates a request when the change makes one, and returns it', async () => {
        const { store } = await fresh();
        const [created] = await store.changeRequests(['r1'], (current, id) => current ?? request(id));
        expect(created).toEqual(request('r1'));
        expect(await store.listRequests()).toEqual([request('r1')]);
      });

      it('hands the change the current request and keeps what it returns', async () => {
        const { store } = await fresh();
        await store.changeRequests(['r1'], (current, id) => askAgain(current, id, 'U1'));
        await store.changeRequests(['r1'], (current, id) => askAgain(current, id, 'U2'));
        const [stored] = await store.listRequests();
        expect(stored?.askers.map((asker) => asker.userId)).toEqual(['U1', 'U2']);
      });

      it('loses no ask when many arrive at once', async () => {
        const { store } = await fresh();
        await Promise.all(Array.from({ length: 12 }, (_, i) => store.changeRequests(['r1'], (current, id) => askAgain(current, id, `U${i}`))));
        const [stored] = await store.listRequests();
        expect(new Set(stored?.askers.map((asker) => asker.userId)).size).toBe(12);
      });

      it('leaves a request alone when the change returns nothing, and lists by status', async () => {
        const { store } = await fresh();
        await store.changeRequests(['r1', 'r2'], (current, id) => request(id));
        const answer = { results: [{ id: 'c1', score: 0.9 }], at: '2024-05-02T10:00:00Z', via: 'import' as const };
        const after = await store.changeRequests(['r1', 'r2', 'r3'], (current, id) =>
          id === 'r2' && current ? { ...current, status: 'answered', answer } : undefined,
        );
        expect(after.map((item) => item?.status)).toEqual(['open', 'answered', undefined]);
        expect(ids(await store.listRequests({ status: 'open' }))).toEqual(['r1']);
        expect(ids(await store.listRequests({ status: 'answered' }))).toEqual(['r2']);
        expect(ids(await store.listRequests())).toEqual(['r1', 'r2']);
      });

      it('refuses an invalid request, naming it, and changes nothing', async () => {
        const { store } = await fresh();
        await store.changeRequests(['r1'], (current, id) => request(id));
        const write = store.changeRequests(['r1', 'r2'], (current, id) => (id === 'r1' ? request(id, { text: 'changed' }) : request(id, { askers: [] })));
        await expect(write).rejects.toThrow(/request "r2": askers/);
        expect(await store.listRequests()).toEqual([request('r1')]);
      });
    });

    describe('lookups', () => {
      it('lists the lookups made since a time, oldest first', async () => {
        const { store } = await fresh();
        const now = Date.now();
        const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
        await store.addLookups([lookupRecord('old', at(200)), lookupRecord('recent', at(5))]);
        await store.addLookups([lookupRecord('newest', at(1), { confident: false, resultIds: [] })]);
        expect((await store.listLookups(at(24))).map((record) => record.query)).toEqual(['recent', 'newest']);
        expect((await store.listLookups(at(300))).map((record) => record.query)).toEqual(['old', 'recent', 'newest']);
        expect((await store.listLookups(at(24)))[1]).toEqual(lookupRecord('newest', at(1), { confident: false, resultIds: [] }));
      });

      it('drops lookups older than the retention period when new ones are added', async () => {
        const { store } = await fresh();
        const longAgo = new Date(Date.now() - 90 * 86_400_000).toISOString();
        await store.addLookups([lookupRecord('ancient', longAgo)]);
        await store.addLookups([lookupRecord('today', new Date().toISOString())]);
        expect((await store.listLookups('2000-01-01')).map((record) => record.query)).toEqual(['today']);
      });

      it('refuses an invalid lookup record and records nothing', async () => {
        const { store } = await fresh();
        await expect(store.addLookups([lookupRecord('ok', new Date().toISOString()), lookupRecord('bad', 'soon')])).rejects.toThrow(
          /lookups\[1\]: at: must be an ISO 8601 date/,
        );
        expect(await store.listLookups('2000-01-01')).toEqual([]);
      });
    });

    it('refuses to be used once closed', async () => {
      const { store } = await fresh();
      await store.close();
      await expect(store.listClaims()).rejects.toThrow(FaultError);
      await expect(store.upsert({ claims: [claim('late')] })).rejects.toThrow(/closed/);
    });

    it('still holds every write after being closed and opened again (when it keeps data)', async (context) => {
      const { store, reopen } = await fresh();
      if (!reopen) return context.skip('this backend keeps nothing after close');
      await store.upsert({ claims: [claim('kept')], articles: [article('a1', { title: 'Renamed' })] });
      await store.addFeedback(feedback('slack:T1', 'q', 'kept'));
      await store.setChannelSetting(channelSetting('slack:T1:C1', 'moderators'));
      await store.changeRequests(['r1'], (current, id) => request(id));
      await store.addLookups([lookupRecord('kept lookup', new Date().toISOString())]);
      await store.close();

      const again = await reopen();
      expect(ids(await again.listClaims())).toEqual(['c1', 'c2', 'kept']);
      expect((await again.listArticles())[0]?.title).toBe('Renamed');
      expect(await again.listFeedback('slack:T1')).toEqual([feedback('slack:T1', 'q', 'kept')]);
      expect((await again.getChannelSetting('slack:T1:C1'))?.mode).toBe('moderators');
      expect(await again.listRequests()).toEqual([request('r1')]);
      expect((await again.listLookups('2000-01-01')).map((record) => record.query)).toEqual(['kept lookup']);
    });
  });
}
