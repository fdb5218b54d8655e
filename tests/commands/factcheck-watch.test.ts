import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { channelKeyOf } from '../../src/core/watch.js';
import { consoleRequester, seedCore } from '../helpers/seed-core.js';

let core: Core;
let dispose: () => Promise<void>;
beforeAll(async () => ({ core, dispose } = await seedCore()));
afterAll(() => dispose());

const moderator = { ...consoleRequester, platform: 'slack' as const, scope: 'slack:T1', channelId: 'C1' };

describe('/factcheck-watch', () => {
  it('stores the mode for the channel when a moderator sets it', async () => {
    const reply = await core.dispatch('factcheck-watch', { mode: ' Thread ' }, moderator);
    expect(reply).toMatchObject({ kind: 'notice', tone: 'info' });
    expect(await core.store.getChannelSetting(channelKeyOf(moderator)!)).toMatchObject({ mode: 'thread', updatedBy: 'tester' });
  });

  it('refuses members without the permission and changes nothing', async () => {
    const member = { ...moderator, channelId: 'C2', permissions: {} };
    const reply = await core.dispatch('factcheck-watch', { mode: 'thread' }, member);
    expect(reply).toMatchObject({ kind: 'notice', tone: 'error' });
    expect(await core.store.getChannelSetting(channelKeyOf(member)!)).toBeUndefined();
  });

  it('rejects an unknown mode with the list of valid ones', async () => {
    const reply = await core.dispatch('factcheck-watch', { mode: 'loud' }, moderator);
    expect(reply).toMatchObject({ kind: 'notice', tone: 'error', text: expect.stringContaining('commands') });
  });
});
