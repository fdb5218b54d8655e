import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPLY_ACTION_PATTERN } from '../../../src/adapters/slack/interactions.js';
import { FAKE_TEAM_ID } from './fake-slack.js';
import { visibleTexts } from './fixtures.js';
import { buttonsIn, CURATOR_GROUPS, SlackAppHarness } from './slack-app-harness.js';

const ADMIN = 'U0ADMIN';
const CURATOR = 'U0CURATOR';
const REPORTER = 'U0REPORTER';
const READER = 'U0READER';
const QUIET_READER = 'U0QUIET';
const PRIVATE_READER = 'U0PRIVATE';

const harness = new SlackAppHarness({
  users: { [ADMIN]: { is_admin: true } },
  usergroups: { [CURATOR_GROUPS[1]]: [CURATOR] },
  channelsWithoutBot: ['C0PRIVATE'],
});

beforeAll(async () => {
  await harness.start();
});
afterAll(async () => {
  await harness.stop();
});

const text = (message: Record<string, any>) => [message.text, ...visibleTexts(message.blocks)].join('\n');

/** `/factcheck` finds nothing, then `user` clicks "Request a fact-check" under the answer. */
async function requestFactcheck(query: string, origin: { user: string; channel: string }): Promise<string> {
  const answer = await harness.ask('/factcheck', query, origin);
  const request = buttonsIn(answer).find((button) => REPLY_ACTION_PATTERN.test(button.action_id));
  if (!request) throw new Error(`no request button under the answer to ${query}`);
  const click = await harness.clickButton(request, origin);
  expect(click.status).toBe(200);
  await harness.slack.waitFor(() => harness.slack.responsesTo(click.responseId).length > 0, 'the request confirmation');
  const confirmation = harness.slack.responsesTo(click.responseId)[0]!.body;
  expect(confirmation.response_type).toBe('ephemeral');
  return text(confirmation);
}

/** `/factcheck-add <claim>` as `user`: the view Slack was asked to open, if any, and the response_url id. */
async function openAddForm(claim: string, origin: { user: string; channel?: string }) {
  const { status, responseId, triggerId } = await harness.slashCommand('/factcheck-add', claim, origin);
  expect(status).toBe(200);
  await harness.slack.waitFor(
    () => harness.slack.callsTo('views.open').some((call) => call.args.trigger_id === triggerId) || harness.slack.responsesTo(responseId).length > 0,
    'the form or a refusal',
  );
  const view = harness.slack.callsTo('views.open').find((call) => call.args.trigger_id === triggerId)?.args.view as Record<string, any> | undefined;
  return { view, responseId };
}

describe('Slack: requesting a fact-check, adding it, and telling the people who asked', () => {
  const claim = 'Pelicans on Lake Verrow have learned to open car doors';

  it('offers a request on no match, records each asker, adds the fact-check from a modal, and notifies where they asked', async () => {
    await harness.ask('/factcheck-watch', 'off', { user: ADMIN, channel: 'C0QUIET' });
    expect(await requestFactcheck(claim, { user: REPORTER, channel: 'C0ASK' })).toContain(`Request recorded: the fact-check desk will look at “${claim}”.`);
    expect(await requestFactcheck(claim, { user: READER, channel: 'C0ASK' })).toContain('2 people have asked for it');
    expect(await requestFactcheck(claim, { user: QUIET_READER, channel: 'C0QUIET' })).toContain('3 people have asked for it');
    await requestFactcheck(claim, { user: PRIVATE_READER, channel: 'C0PRIVATE' });
    const [stored] = await harness.core.store.listRequests({ status: 'open' });
    expect(stored?.askers.map(({ platform, scope, channelId, userId }) => ({ platform, scope, channelId, userId }))).toEqual([
      { platform: 'slack', scope: `slack:${FAKE_TEAM_ID}`, channelId: 'C0ASK', userId: REPORTER },
      { platform: 'slack', scope: `slack:${FAKE_TEAM_ID}`, channelId: 'C0ASK', userId: READER },
      { platform: 'slack', scope: `slack:${FAKE_TEAM_ID}`, channelId: 'C0QUIET', userId: QUIET_READER },
      { platform: 'slack', scope: `slack:${FAKE_TEAM_ID}`, channelId: 'C0PRIVATE', userId: PRIVATE_READER },
    ]);

    const { view, responseId } = await openAddForm(claim, { user: CURATOR, channel: 'C0DESK' });
    expect(view?.blocks.find((block: any) => block.block_id === 'claim').element.initial_value).toBe(claim);
    const posted = harness.slack.callsTo('chat.postMessage').length;
    const submitted = await harness.submitView(view!, { rating: 'False', reviewer: 'Lake Verrow Desk', summary: 'The video shows a staged car door.' }, { user: CURATOR });
    expect(submitted).toEqual({ status: 200, body: {} });

    await harness.slack.waitFor(() => harness.slack.responsesTo(responseId).length > 0, 'the answer to the form');
    const answer = harness.slack.responsesTo(responseId)[0]!.body;
    expect(answer.response_type).toBe('ephemeral');
    expect(text(answer)).toContain('Added to the fact-check store: It answers 1 open request: 4 people will be told where they asked.');

    await harness.slack.waitFor(
      () => [`D${QUIET_READER}`, `D${PRIVATE_READER}`, 'C0ASK'].every((channel) => harness.slack.callsTo('chat.postMessage').some((call) => call.args.channel === channel)),
      'the notifications',
    );
    const notifications = harness.slack.callsTo('chat.postMessage').slice(posted);
    const inChannel = notifications.filter((call) => call.args.channel === 'C0ASK');
    expect(inChannel).toHaveLength(1);
    const channelText = JSON.stringify(inChannel[0]!.args);
    expect([...new Set(channelText.match(/<@[A-Z0-9]+>/g))].sort()).toEqual([`<@${READER}>`, `<@${REPORTER}>`]);
    expect(text(inChannel[0]!.args)).toContain(`You asked for a fact-check of “${claim}”`);
    expect(text(inChannel[0]!.args)).toContain('The video shows a staged car door.');

    // Watch mode is off in C0QUIET, and factdesk cannot post in C0PRIVATE: those askers get a direct message.
    expect(notifications.some((call) => call.args.channel === 'C0QUIET')).toBe(false);
    expect(harness.slack.callsTo('conversations.open').map((call) => call.args.users).sort()).toEqual([PRIVATE_READER, QUIET_READER]);
    const direct = notifications.find((call) => call.args.channel === `D${QUIET_READER}`);
    expect(text(direct!.args)).toContain('The fact-check you asked for is published.');
    expect(JSON.stringify(direct!.args)).not.toMatch(/<@/);

    // Marked once delivered, so nobody is told twice.
    await vi.waitFor(async () => {
      const [answered] = await harness.core.store.listRequests({ status: 'answered' });
      expect(answered?.askers.every((asker) => asker.notifiedAt)).toBe(true);
    });
  });

  it('answers a repeated request at once once the fact-check exists', async () => {
    const answer = await harness.ask('/factcheck-request', claim, { user: 'U0LATE', channel: 'C0ASK' });
    expect(text(answer)).toContain('This has been fact-checked already');
    expect(text(answer)).toContain(claim);
  });
});

describe('Slack: a hostile request', () => {
  it('is confirmed as inert text: no mention, no disguised link', async () => {
    const confirmation = await requestFactcheck('<!channel> zebras <@U0BOSS> are painted horses <https://evil.example|bbc.com>', { user: REPORTER, channel: 'C0ASK' });
    expect(confirmation).toContain('Request recorded');
    expect(confirmation).not.toMatch(/<!(channel|here|everyone)|<@U0BOSS|<https?:\/\/evil|@(channel|here|everyone)\b/);
  });
});

describe('Slack: /factcheck-add', () => {
  it('refuses people outside the curator groups, politely and without opening a form', async () => {
    const { view, responseId } = await openAddForm('Something I want to add', { user: REPORTER });
    expect(view).toBeUndefined();
    await harness.slack.waitFor(() => harness.slack.responsesTo(responseId).length > 0, 'the refusal');
    expect(text(harness.slack.responsesTo(responseId)[0]!.body)).toContain('Only fact-check staff can add or correct fact-checks.');
  });

  it('opens the form for workspace admins too, with every field of the form', async () => {
    const { view } = await openAddForm('', { user: ADMIN });
    expect(view?.blocks.filter((block: any) => block.type === 'input').map((block: any) => block.block_id)).toEqual([
      'claim', 'rating', 'reviewer', 'link', 'summary', 'claimant', 'date', 'language', 'appearances', 'id',
    ]);
  });

  it('shows a validation error in the modal, under its field, and stores nothing', async () => {
    const before = (await harness.core.store.listClaims()).length;
    const { view } = await openAddForm('Lake Verrow is drained every winter', { user: CURATOR });
    const submitted = await harness.submitView(view!, { rating: 'False', reviewer: 'Lake Verrow Desk', link: 'not a link' }, { user: CURATOR });
    expect(submitted.status).toBe(200);
    expect(submitted.body.response_action).toBe('errors');
    expect(Object.keys(submitted.body.errors)).toEqual(['link']);
    expect(submitted.body.errors.link).toContain('link');
    expect(await harness.core.store.listClaims()).toHaveLength(before);
  });

  it('refuses in the modal a submission by someone who is not staff (any more)', async () => {
    const { view } = await openAddForm('Lake Verrow is drained every summer', { user: CURATOR });
    const submitted = await harness.submitView(view!, { rating: 'False', reviewer: 'Lake Verrow Desk' }, { user: REPORTER });
    expect(submitted.body).toEqual({ response_action: 'errors', errors: { claim: 'Only fact-check staff can add or correct fact-checks.' } });
  });
});

describe('Slack: staff lists', () => {
  it('/factcheck-requests lists open requests for staff, and is refused to others', async () => {
    const claim = 'The Verrow bridge will be painted pink next year';
    await requestFactcheck(claim, { user: REPORTER, channel: 'C0ASK' });
    const list = text(await harness.ask('/factcheck-requests', '', { user: CURATOR }));
    expect(list).toMatch(/^Open fact-check requests: \d+, most asked first\./m);
    expect(list).toContain(`“${claim}”: 1 person`);
    expect(text(await harness.ask('/factcheck-requests', '', { user: REPORTER }))).toContain('Only fact-check staff can use /factcheck-requests.');
  });

  it('/factcheck-stats shows the store and this week for staff, and is refused to others', async () => {
    const stats = text(await harness.ask('/factcheck-stats', '', { user: CURATOR }));
    expect(stats).toMatch(/Fact-check store: \d+ entries/);
    expect(stats).toMatch(/This week: \d+ lookups?/);
    expect(text(await harness.ask('/factcheck-stats', '', { user: REPORTER }))).toContain('Only fact-check staff can use /factcheck-stats.');
  });
});
