import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { consoleRequester, seedCore } from '../helpers/seed-core.js';

let core: Core;
let dispose: () => Promise<void>;
beforeAll(async () => ({ core, dispose } = await seedCore()));
afterAll(() => dispose());

const member = (userId: string) => ({ platform: 'discord' as const, scope: 'discord:9', userId, channelId: '55' });
const staff = { ...consoleRequester, platform: 'slack' as const, scope: 'slack:T1' };

describe('/factcheck-requests', () => {
  it('says when there are no open requests', async () => {
    expect(await core.dispatch('factcheck-requests', {}, staff)).toMatchObject({ kind: 'notice', text: 'There are no open fact-check requests.' });
  });

  it('lists open requests for staff, most asked first, with links, who asked and where', async () => {
    await core.dispatch('factcheck-request', { text: 'Is https://social.example.com/p/1 a real photo?' }, member('11'));
    await core.dispatch('factcheck-request', { text: 'Penguins deliver mail in Antarctica every Tuesday' }, member('11'));
    await core.dispatch('factcheck-request', { text: 'Penguins deliver mail in Antarctica every Tuesday' }, member('22'));
    const reply = await core.dispatch('factcheck-requests', { limit: '' }, staff);
    expect(reply.kind).toBe('notice');
    const text = reply.kind === 'notice' ? reply.text : '';
    expect(text).toMatch(/^Open fact-check requests: 2, most asked first\./);
    expect(text.indexOf('Penguins deliver mail in Antarctica every Tuesday')).toBeLessThan(text.indexOf('social.example.com'));
    expect(text).toContain('“Penguins deliver mail in Antarctica every Tuesday”: 2 people');
    expect(text).toContain('Asked in: discord:9 channel 55 by 11, 22');
    expect(text).toContain('Links: https://social.example.com/p/1');
  });

  it('honours a limit', async () => {
    const reply = await core.dispatch('factcheck-requests', { limit: '1' }, staff);
    expect(reply).toMatchObject({ text: expect.stringContaining('(the 1 most asked shown)') });
  });

  it('is for staff only', async () => {
    expect(await core.dispatch('factcheck-requests', {}, member('11'))).toMatchObject({ kind: 'notice', tone: 'error', text: 'Only fact-check staff can use /factcheck-requests.' });
  });
});
