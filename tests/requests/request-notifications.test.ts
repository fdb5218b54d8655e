import { describe, expect, it } from 'vitest';
import { LookupService } from '../../src/core/lookup.js';
import type { Reply } from '../../src/core/reply.js';
import type { NotificationTarget, Notifier } from '../../src/requests/notifier.js';
import { recordRequest } from '../../src/requests/record-request.js';
import { MAX_DELIVERY_FAILURES, RequestNotifications } from '../../src/requests/request-notifications.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { claim } from '../store/sample-data.js';

class RecordingNotifier implements Notifier {
  readonly sent: { target: NotificationTarget; reply: Reply }[] = [];
  failing = false;
  async notify(target: NotificationTarget, reply: Reply) {
    if (this.failing) throw new Error('channel gone');
    this.sent.push({ target, reply });
  }
}

const glass = claim('glass', { claim: 'Eating glass boosts your immune system' });

async function answeredRequest() {
  const store = new MemoryStore();
  const text = 'Does eating glass boost immunity?';
  await recordRequest(store, text, { platform: 'slack', scope: 'slack:T1', channelId: 'C1', userId: 'U1' });
  await recordRequest(store, text, { platform: 'slack', scope: 'slack:T1', channelId: 'C1', userId: 'U2' });
  await recordRequest(store, text, { platform: 'slack', scope: 'slack:T1', channelId: 'C9', userId: 'U3' });
  const { request } = await recordRequest(store, text, { platform: 'discord', scope: 'discord:5', channelId: '42', userId: '77' });
  const answer = { results: [{ id: 'glass', score: 0.8 }], at: '2024-05-02T00:00:00Z', via: 'factcheck-add' as const };
  await store.changeRequests([request.id], (current) => current && { ...current, status: 'answered', answer });
  return { store, lookup: LookupService.fromEntries({ claims: [glass] }) };
}

describe('RequestNotifications', () => {
  it('tells the people who asked, one message per channel they asked in, with the fact-check', async () => {
    const { store, lookup } = await answeredRequest();
    const notifier = new RecordingNotifier();
    const delivered = await new RequestNotifications({ store, lookup, platform: 'slack', notifier }).drain();
    expect(delivered).toBe(3);
    expect(notifier.sent.map((sent) => sent.target)).toEqual([
      { platform: 'slack', scope: 'slack:T1', channelId: 'C1', userIds: ['U1', 'U2'] },
      { platform: 'slack', scope: 'slack:T1', channelId: 'C9', userIds: ['U3'] },
    ]);
    expect(notifier.sent[0]?.reply).toMatchObject({
      kind: 'results',
      query: 'Does eating glass boost immunity?',
      note: expect.stringContaining('You asked for a fact-check of “Does eating glass boost immunity?”'),
      results: [{ id: 'glass', title: 'Eating glass boosts your immune system', score: 0.8 }],
    });
  });

  it('tells nobody twice, and leaves other platforms’ askers to their own adapter', async () => {
    const { store, lookup } = await answeredRequest();
    const slack = new RecordingNotifier();
    const notifications = new RequestNotifications({ store, lookup, platform: 'slack', notifier: slack });
    await Promise.all([notifications.drain(), notifications.drain()]);
    await notifications.drain();
    expect(slack.sent).toHaveLength(2);
    const [request] = await store.listRequests();
    expect(request?.askers.map((asker) => Boolean(asker.notifiedAt))).toEqual([true, true, true, false]);

    const discord = new RecordingNotifier();
    await new RequestNotifications({ store, lookup, platform: 'discord', notifier: discord }).drain();
    expect(discord.sent.map((sent) => sent.target.userIds)).toEqual([['77']]);
  });

  it('retries a failed delivery on the next drain, and gives up after a few failures', async () => {
    const { store, lookup } = await answeredRequest();
    const notifier = new RecordingNotifier();
    notifier.failing = true;
    const notifications = new RequestNotifications({ store, lookup, platform: 'discord', notifier });
    expect(await notifications.drain()).toBe(0);
    notifier.failing = false;
    expect(await notifications.drain()).toBe(1);

    const { store: other, lookup: otherLookup } = await answeredRequest();
    const broken = new RecordingNotifier();
    broken.failing = true;
    const failing = new RequestNotifications({ store: other, lookup: otherLookup, platform: 'discord', notifier: broken });
    for (let attempt = 0; attempt < MAX_DELIVERY_FAILURES + 2; attempt++) await failing.drain();
    broken.failing = false;
    expect(await failing.drain()).toBe(0);
  });

  it('waits while this process does not know the fact-check yet (imported while it ran)', async () => {
    const { store } = await answeredRequest();
    const notifier = new RecordingNotifier();
    const empty = LookupService.fromEntries({});
    expect(await new RequestNotifications({ store, lookup: empty, platform: 'slack', notifier }).drain()).toBe(0);
    expect(notifier.sent).toEqual([]);
    expect((await store.listRequests())[0]?.askers.some((asker) => asker.notifiedAt)).toBe(false);
  });
});
