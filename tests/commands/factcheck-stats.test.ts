import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { consoleRequester, seedCore } from '../helpers/seed-core.js';

let core: Core;
let dispose: () => Promise<void>;
beforeAll(async () => ({ core, dispose } = await seedCore()));
afterAll(() => dispose());

const member = { platform: 'slack' as const, scope: 'slack:T1', userId: 'U1', channelId: 'C1' };
const text = (reply: Awaited<ReturnType<Core['dispatch']>>) => (reply.kind === 'notice' ? reply.text : '');

describe('/factcheck-stats', () => {
  it('reports the store’s size and verdicts', async () => {
    const claims = await core.store.listClaims();
    const reply = await core.dispatch('factcheck-stats', {}, consoleRequester);
    expect(reply).toMatchObject({ kind: 'notice', tone: 'info' });
    expect(text(reply)).toContain(`${claims.length} claims`);
    expect(text(reply)).toContain(`False ${claims.filter((claim) => claim.verdict === 'false').length}`);
    expect(text(reply)).toContain('This week: 0 lookups');
  });

  it('counts this week’s lookups, the most looked-up fact-checks and the questions with no confident match', async () => {
    await core.dispatch('factcheck', { query: 'VitaBrisk tea reverses type 2 diabetes' }, member);
    await core.dispatch('factcheck', { query: 'Does VitaBrisk tea reverse diabetes' }, member);
    await core.dispatch('factcheck-link', { url: 'https://factdesk.example/checks/2026/vitabrisk-tea-diabetes' }, member);
    await core.dispatch('factcheck', { query: 'Zebras in Lake Verrow are painted horses' }, member);
    const stats = text(await core.dispatch('factcheck-stats', {}, consoleRequester));
    expect(stats).toContain('This week: 4 lookups, 3 with a confident match, 1 without.');
    expect(stats).toMatch(/1\. “Drinking three cups of VitaBrisk tea a day reverses type 2 diabetes[^”]*” \(False, .+\): 3 lookups$/m);
    expect(stats).toContain('“Zebras in Lake Verrow are painted horses”: 1 time');
  });

  it('is for staff only', async () => {
    expect(await core.dispatch('factcheck-stats', {}, member)).toMatchObject({ kind: 'notice', tone: 'error' });
  });
});
