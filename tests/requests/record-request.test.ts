import { describe, expect, it } from 'vitest';
import type { Requester } from '../../src/core/command.js';
import { recordRequest } from '../../src/requests/record-request.js';
import { MemoryStore } from '../../src/store/memory-store.js';

const slackUser = (userId: string, channelId = 'C1'): Requester => ({ platform: 'slack', scope: 'slack:T1', userId, channelId });
const at = (minute: number) => new Date(Date.UTC(2024, 4, 1, 10, minute));

describe('recordRequest', () => {
  it('stores a new request with its text, links, who asked, where and when', async () => {
    const store = new MemoryStore();
    const { request, newAsker } = await recordRequest(store, 'Is https://social.example.com/p/1 real?', slackUser('U1'), at(0));
    expect(newAsker).toBe(true);
    expect(request).toMatchObject({
      text: 'Is https://social.example.com/p/1 real?',
      links: ['https://social.example.com/p/1'],
      status: 'open',
      askers: [{ platform: 'slack', scope: 'slack:T1', channelId: 'C1', userId: 'U1', at: '2024-05-01T10:00:00.000Z' }],
      firstAskedAt: '2024-05-01T10:00:00.000Z',
    });
    expect(await store.listRequests()).toEqual([request]);
  });

  it('adds a second person asking the same thing, wherever they ask, so both are told', async () => {
    const store = new MemoryStore();
    await recordRequest(store, 'Eating glass boosts immunity', slackUser('U1'), at(0));
    const { request } = await recordRequest(store, 'eating glass boosts immunity!', { platform: 'discord', scope: 'discord:9', userId: '77', channelId: '55' }, at(5));
    expect(request.askers.map((asker) => [asker.platform, asker.userId])).toEqual([['slack', 'U1'], ['discord', '77']]);
    expect(request).toMatchObject({ text: 'Eating glass boosts immunity', firstAskedAt: '2024-05-01T10:00:00.000Z', lastAskedAt: '2024-05-01T10:05:00.000Z' });
    expect(await store.listRequests()).toHaveLength(1);
  });

  it('counts the same person asking twice once', async () => {
    const store = new MemoryStore();
    await recordRequest(store, 'Eating glass boosts immunity', slackUser('U1'), at(0));
    const again = await recordRequest(store, 'Eating glass boosts immunity', slackUser('U1', 'C2'), at(9));
    expect(again.newAsker).toBe(false);
    expect(again.request.askers).toHaveLength(1);
  });

  it('opens an answered request anew when someone asks for it again', async () => {
    const store = new MemoryStore();
    const { request } = await recordRequest(store, 'Eating glass boosts immunity', slackUser('U1'), at(0));
    const answer = { results: [{ id: 'c1', score: 0.9 }], at: '2024-05-02T00:00:00Z', via: 'import' as const };
    await store.changeRequests([request.id], (current) => current && { ...current, status: 'answered', answer });
    const reopened = await recordRequest(store, 'Eating glass boosts immunity', slackUser('U2'), at(30));
    expect(reopened.request).toMatchObject({ status: 'open', askers: [{ userId: 'U2' }] });
    expect(reopened.request.answer).toBeUndefined();
  });
});
