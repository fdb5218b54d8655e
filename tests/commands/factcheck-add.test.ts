import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import type { Reply } from '../../src/core/reply.js';
import type { NotificationTarget } from '../../src/requests/notifier.js';
import { RequestNotifications } from '../../src/requests/request-notifications.js';
import { consoleRequester, seedCore } from '../helpers/seed-core.js';

let core: Core;
let dispose: () => Promise<void>;
beforeAll(async () => ({ core, dispose } = await seedCore()));
afterAll(() => dispose());

const curator = { ...consoleRequester, platform: 'slack' as const, scope: 'slack:T1', userId: 'EDITOR', channelId: 'DESK' };
const member = { platform: 'slack' as const, scope: 'slack:T1', userId: 'U1', channelId: 'C1' };
const glass = {
  claim: 'Eating ground glass strengthens the immune system',
  rating: 'Pants on Fire',
  reviewer: 'Lake Verrow Desk',
  link: 'https://desk.example.org/checks/glass',
  summary: 'Glass cuts the gut; no study shows any effect on immunity.',
  appearances: 'https://social.example.com/p/9 https://video.example.net/v/3',
};
const resultOf = (reply: Reply) => (reply.kind === 'results' ? reply.results[0] : undefined);

describe('/factcheck-add', () => {
  it('is for staff only, and writes nothing for anyone else', async () => {
    const reply = await core.dispatch('factcheck-add', glass, member);
    expect(reply).toMatchObject({ kind: 'notice', tone: 'error', text: 'Only fact-check staff can add or correct fact-checks.' });
    expect((await core.store.listClaims()).some((claim) => claim.claim === glass.claim)).toBe(false);
  });

  it('adds a fact-check that is searchable at once, reading the rating onto the canonical scale', async () => {
    const reply = await core.dispatch('factcheck-add', glass, curator);
    expect(reply).toMatchObject({ kind: 'results', note: 'Added to the fact-check store:' });
    expect(resultOf(reply)).toMatchObject({ title: glass.claim, verdict: 'false', rating: 'Pants on Fire', source: { name: 'Lake Verrow Desk', url: glass.link } });
    const stored = (await core.store.listClaims()).find((claim) => claim.claim === glass.claim);
    expect(stored).toMatchObject({ appearances: ['https://social.example.com/p/9', 'https://video.example.net/v/3'], reviewDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await core.lookup.lookup('does eating glass strengthen immunity')).results[0]?.id).toBe(stored?.id);
    expect((await core.lookup.lookup('https://video.example.net/v/3')).results[0]).toMatchObject({ id: stored?.id, matchedBy: 'url' });
  });

  it('corrects an entry by id: what is given changes, the rest stays', async () => {
    const id = resultOf(await core.dispatch('factcheck', { query: glass.claim }, curator))!.id;
    const reply = await core.dispatch('factcheck-add', { id, rating: 'Mostly False', summary: 'Corrected summary.' }, curator);
    expect(reply).toMatchObject({ kind: 'results', note: `Updated the fact-check "${id}":` });
    const stored = (await core.store.listClaims()).find((claim) => claim.id === id);
    expect(stored).toMatchObject({ claim: glass.claim, verdict: 'mostly-false', rating: 'Mostly False', summary: 'Corrected summary.', reviewUrl: glass.link });
  });

  it('updates the entry with the same review URL rather than adding a second one', async () => {
    const before = (await core.store.listClaims()).length;
    const reply = await core.dispatch('factcheck-add', { ...glass, link: 'https://www.desk.example.org/checks/glass/?utm_source=x', rating: 'False' }, curator);
    expect(reply).toMatchObject({ kind: 'results', note: expect.stringMatching(/^Updated the fact-check/) });
    expect(await core.store.listClaims()).toHaveLength(before);
  });

  it('says when a rating is not in the verdict table, and takes an explicit verdict', async () => {
    const unknown = await core.dispatch('factcheck-add', { claim: 'Verrow ducks can count to ten', rating: 'Quacktastic', reviewer: 'Desk' }, curator);
    expect(unknown).toMatchObject({ kind: 'results', note: expect.stringContaining('“Quacktastic” is not in the verdict table') });
    expect(resultOf(unknown)).toMatchObject({ verdict: 'other', rating: 'Quacktastic' });
    const explicit = await core.dispatch('factcheck-add', { claim: 'Verrow geese can count to ten', rating: 'Honk', verdict: 'Unproven', reviewer: 'Desk' }, curator);
    expect(resultOf(explicit)).toMatchObject({ verdict: 'unproven', rating: 'Honk' });
  });

  it('refuses what the store would refuse, naming the field', async () => {
    const badLink = await core.dispatch('factcheck-add', { ...glass, claim: 'Another claim', link: 'not a link at all' }, curator);
    expect(badLink).toMatchObject({ kind: 'notice', tone: 'error', text: expect.stringContaining('link: must be an http(s) URL') });
    expect(await core.dispatch('factcheck-add', { claim: 'No rating', reviewer: 'Desk' }, curator)).toMatchObject({ tone: 'error', text: expect.stringContaining('Give a rating') });
    expect(await core.dispatch('factcheck-add', { id: 'no-such-id', rating: 'False' }, curator)).toMatchObject({ tone: 'error', text: expect.stringContaining('no fact-check with id "no-such-id"') });
    expect(await core.dispatch('factcheck-add', { ...glass, verdict: 'kinda' }, curator)).toMatchObject({ tone: 'error' });
  });

  it('answers an open request, and the people who asked are told where they asked', async () => {
    const question = 'Is it true that Verrow lighthouse keepers glow in the dark?';
    const noMatch = await core.dispatch('factcheck', { query: question }, member);
    expect(noMatch.kind).toBe('no-match');
    await core.dispatch('factcheck-request', { text: question }, member);
    await core.dispatch('factcheck-request', { text: question }, { ...member, userId: 'U2' });

    const reply = await core.dispatch(
      'factcheck-add',
      { claim: 'Verrow lighthouse keepers glow in the dark', rating: 'False', reviewer: 'Lake Verrow Desk', summary: 'They wear reflective vests.' },
      curator,
    );
    expect(reply).toMatchObject({ kind: 'results', note: expect.stringContaining('It answers 1 open request: 2 people will be told where they asked.') });

    const sent: { target: NotificationTarget; reply: Reply }[] = [];
    const notifier = { notify: async (target: NotificationTarget, answer: Reply) => void sent.push({ target, reply: answer }) };
    await new RequestNotifications({ store: core.store, lookup: core.lookup, platform: 'slack', notifier }).drain();
    expect(sent).toEqual([
      {
        target: { platform: 'slack', scope: 'slack:T1', channelId: 'C1', userIds: ['U1', 'U2'] },
        reply: expect.objectContaining({ kind: 'results', results: [expect.objectContaining({ title: 'Verrow lighthouse keepers glow in the dark', verdict: 'false' })] }),
      },
    ]);
    expect(await core.dispatch('factcheck-requests', {}, curator)).toMatchObject({ text: expect.not.stringContaining('lighthouse') });
  });
});
