import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import type { Reply } from '../../src/core/reply.js';
import { consoleRequester, seedCore } from '../helpers/seed-core.js';

let core: Core;
let dispose: () => Promise<void>;
beforeAll(async () => ({ core, dispose } = await seedCore()));
afterAll(() => dispose());

const member = (userId: string, channelId = 'C1') => ({ platform: 'slack' as const, scope: 'slack:T1', userId, channelId });
const UNCHECKED = 'Zebras in Lake Verrow are painted horses';

/** What an adapter does when someone presses the reply's first action. */
async function pressAction(reply: Reply, requester = member('U1')) {
  if (reply.kind !== 'no-match' || !reply.actions?.[0]) throw new Error(`expected a no-match reply with an action, got ${reply.kind}`);
  const [action] = reply.actions;
  return core.dispatch(action.command, action.options, requester);
}

describe('/factcheck-request and the "Request a fact-check" action', () => {
  it('is offered when a lookup finds no confident match, and records who asked and where', async () => {
    const reply = await core.dispatch('factcheck', { query: UNCHECKED }, member('U1'));
    expect(reply).toMatchObject({ kind: 'no-match', actions: [{ kind: 'request-factcheck', label: 'Request a fact-check', command: 'factcheck-request', options: { text: UNCHECKED } }] });
    const recorded = await pressAction(reply);
    expect(recorded).toMatchObject({ kind: 'notice', tone: 'info', text: expect.stringContaining('Request recorded') });
    const [request] = await core.store.listRequests({ status: 'open' });
    expect(request).toMatchObject({ text: UNCHECKED, askers: [{ platform: 'slack', scope: 'slack:T1', channelId: 'C1', userId: 'U1' }] });
  });

  it('counts each person once: a second person asking is added, the same person again is told it is open', async () => {
    const second = await pressAction(await core.dispatch('factcheck', { query: UNCHECKED }, member('U2', 'C2')), member('U2', 'C2'));
    expect(second).toMatchObject({ text: expect.stringContaining('2 people have asked for it') });
    const again = await core.dispatch('factcheck-request', { text: UNCHECKED.toLowerCase() }, member('U1'));
    expect(again).toMatchObject({ kind: 'notice', text: expect.stringContaining('You have already asked') });
    const [request] = await core.store.listRequests({ status: 'open' });
    expect(request?.askers.map((asker) => asker.userId)).toEqual(['U1', 'U2']);
  });

  it('answers at once, and records nothing, when the claim has been checked after all', async () => {
    const before = (await core.store.listRequests()).length;
    const reply = await core.dispatch('factcheck-request', { text: 'VitaBrisk tea reverses type 2 diabetes' }, consoleRequester);
    expect(reply).toMatchObject({ kind: 'results', note: 'This has been fact-checked already:', results: [{ id: 'claim-vitabrisk-cures-diabetes' }] });
    expect(await core.store.listRequests()).toHaveLength(before);
  });

  it('needs something to request', async () => {
    expect(await core.dispatch('factcheck-request', { text: '  ' }, member('U1'))).toMatchObject({ kind: 'notice', tone: 'error' });
  });
});
