import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERACTION_IDS } from '../../../src/adapters/slack/interactions.js';
import { PROJECT_ROOT } from '../../../src/config/config.js';
import type { ClaimReview } from '../../../src/model/claim-review.js';
import { createSlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { envSchema } from '../../../src/config/config.js';
import { ChannelWatcher } from '../../../src/core/watch.js';
import { FAKE_TEAM_ID, FakeSlack, REVOKED_TOKEN } from './fake-slack.js';
import { visibleTexts } from './fixtures.js';
import { buttonsIn, MODERATORS_CHANNEL, SIGNING_SECRET, SlackAppHarness, WATCH_ADMIN_GROUP } from './slack-app-harness.js';
import { sendSigned } from './signed-request.js';

const seed = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/seed.json'), 'utf8')) as { claims: ClaimReview[] };
const claim = (id: string) => {
  const found = seed.claims.find((entry) => entry.id === id);
  if (!found) throw new Error(`seed has no ${id}`);
  return found;
};
/** A false claim and a link where it circulated: the link matches it exactly. */
const teaCure = claim('claim-vitabrisk-cures-diabetes');
const teaVideo = teaCure.appearances[0]!;
/** A claim rated true: channel watch must never answer it. */
const bridge = claim('claim-verrow-bridge-closed-14-months');
/** A review from 2023, more than a year old. */
const ferry = claim('claim-verrow-ferry-every-20-minutes');

const ADMIN = 'U0ADMIN';
const DESK_MEMBER = 'U0DESK';
const REPORTER = 'U0REPORTER';

const harness = new SlackAppHarness({
  users: { [ADMIN]: { is_admin: true } },
  usergroups: { [WATCH_ADMIN_GROUP]: [DESK_MEMBER] },
  channelsWithoutBot: ['C0NOBOT'],
});

beforeAll(async () => {
  await harness.start({ health: async () => ({ ok: true, store: 'in-memory store' }) });
});
afterAll(async () => {
  await harness.stop();
});

const text = (message: Record<string, any>) => [message.text, ...visibleTexts(message.blocks)].join('\n');

async function setWatch(channel: string, mode: string): Promise<void> {
  const answer = await harness.ask('/factcheck-watch', mode, { user: ADMIN, channel });
  expect(answer.text).toContain(`Channel watch is now "${mode}"`);
}

describe('Slack app over HTTP: slash commands', () => {
  it('acknowledges /factcheck at once and answers privately through response_url with a result card', async () => {
    const answer = await harness.ask('/factcheck', teaVideo);
    expect(answer.response_type).toBe('ephemeral');
    expect(text(answer)).toContain('*False*');
    expect(text(answer)).toContain(teaCure.claim);
    expect(text(answer)).toContain('Same link');
    const buttons = buttonsIn(answer);
    expect(buttons.find((b) => b.action_id === INTERACTION_IDS.openLink)?.url).toBe(teaCure.reviewUrl);
    expect(buttons.map((b) => b.action_id)).toEqual(expect.arrayContaining([INTERACTION_IDS.wrongMatch, INTERACTION_IDS.share]));
  });

  it('answers a claim typed in words', async () => {
    const answer = await harness.ask('/factcheck', teaCure.claim);
    expect(text(answer)).toContain(teaCure.claim);
  });

  it('answers /factcheck-link with the fact-check linked to that URL, Slack markup and all', async () => {
    const answer = await harness.ask('/factcheck-link', `<${teaVideo.replace(/&/g, '&amp;')}>`);
    expect(text(answer)).toContain(teaCure.claim);
    expect(text(answer)).toContain('Same link');
  });

  it('notes when a review is more than a year old', async () => {
    const answer = await harness.ask('/factcheck-link', ferry.reviewUrl!);
    expect(text(answer)).toContain('more than a year ago');
  });

  it('asks politely for something to check when the command is empty, and rejects a non-link for /factcheck-link', async () => {
    expect(text(await harness.ask('/factcheck', ''))).toContain('Tell me what to check');
    expect(text(await harness.ask('/factcheck-link', 'not a link'))).toContain('does not look like a web link');
  });

  it('shows help for /factcheck help', async () => {
    const answer = await harness.ask('/factcheck', 'help');
    expect(text(answer)).toContain('/factcheck-link');
    expect(text(answer)).toContain('Check this message');
  });

  it('turns hostile text in a query into inert text: no mention, no disguised link', async () => {
    for (const hostile of [
      '<!channel> <!here> <@U0BOSS> @everyone <https://evil.example|bbc.com> tea',
      '&lt;!channel&gt; &lt;https://evil.example|bbc.com&gt; @here tea',
    ]) {
      // Button values are data Slack sends back on a click and never shows, so they are left out.
      const json = JSON.stringify(await harness.ask('/factcheck', hostile), (key, value) => (key === 'value' ? undefined : value));
      expect(json).not.toMatch(/<!(channel|here|everyone)/);
      expect(json).not.toContain('<@U0BOSS');
      expect(json).not.toMatch(/<https?:\/\/evil\.example/);
      expect(json).not.toMatch(/@(everyone|channel|here)\b/);
    }
  });
});

describe('Slack app over HTTP: buttons', () => {
  it('Share in channel posts the same card publicly, crediting who shared it', async () => {
    const channel = 'C0SHARE';
    const answer = await harness.ask('/factcheck-link', teaVideo, { channel });
    const share = buttonsIn(answer).find((b) => b.action_id === INTERACTION_IDS.share)!;
    const posted = harness.slack.callsTo('chat.postMessage').length;
    const click = await harness.clickButton(share, { channel });
    expect(click.status).toBe(200);
    await harness.slack.waitFor(() => harness.slack.callsTo('chat.postMessage').length > posted, 'the shared card');
    const [post] = harness.slack.callsTo('chat.postMessage').slice(posted);
    expect(post!.args.channel).toBe(channel);
    expect(post!.token).toBe('xoxb-test-token');
    const publicCard = post!.args as Record<string, any>;
    expect(text(publicCard)).toContain(teaCure.claim);
    expect(text(publicCard)).toContain(`Shared by <@${REPORTER}>`);
    expect(buttonsIn(publicCard).map((b) => b.action_id)).toEqual([INTERACTION_IDS.openLink]);
  });

  it('tells the user when the bot cannot post in the channel', async () => {
    const channel = 'C0NOBOT';
    const answer = await harness.ask('/factcheck-link', teaVideo, { channel });
    const share = buttonsIn(answer).find((b) => b.action_id === INTERACTION_IDS.share)!;
    const click = await harness.clickButton(share, { channel });
    await harness.slack.waitFor(() => harness.slack.responsesTo(click.responseId).length > 0, 'the share failure notice');
    expect(text(harness.slack.responsesTo(click.responseId)[0]!.body)).toContain('Invite me');
  });

  it('offers no Share button, and refuses to share, in a channel whose watch mode is off', async () => {
    const channel = 'C0QUIET';
    await setWatch(channel, 'off');
    const answer = await harness.ask('/factcheck-link', teaVideo, { channel });
    expect(text(answer)).toContain(teaCure.claim);
    expect(buttonsIn(answer).map((b) => b.action_id)).not.toContain(INTERACTION_IDS.share);

    const posted = harness.slack.callsTo('chat.postMessage').length;
    const forged = { action_id: INTERACTION_IDS.share, value: JSON.stringify({ c: 'factcheck-link', o: { url: teaVideo } }) };
    const click = await harness.clickButton(forged, { channel });
    await harness.slack.waitFor(() => harness.slack.responsesTo(click.responseId).length > 0, 'the refusal');
    expect(text(harness.slack.responsesTo(click.responseId)[0]!.body)).toContain('Channel watch is off here');
    expect(harness.slack.callsTo('chat.postMessage')).toHaveLength(posted);
  });

  it('Wrong match records feedback in the store, and the claim stops being offered for that query here', async () => {
    const query = teaCure.appearances[1]!;
    const first = await harness.ask('/factcheck', query);
    const wrong = buttonsIn(first).find((b) => b.action_id === INTERACTION_IDS.wrongMatch)!;
    const click = await harness.clickButton(wrong);
    await harness.slack.waitFor(() => harness.slack.responsesTo(click.responseId).length > 0, 'the thanks');
    expect(text(harness.slack.responsesTo(click.responseId)[0]!.body)).toContain('will no longer be offered');

    const feedback = await harness.core.store.listFeedback(`slack:${FAKE_TEAM_ID}`);
    expect(feedback.map((entry) => entry.resultId)).toContain(teaCure.id);
    const again = await harness.ask('/factcheck', query);
    expect(JSON.stringify(again)).not.toContain(teaCure.reviewUrl!);
  });
});

describe('Slack app over HTTP: message shortcut', () => {
  it('"Check this message" checks the message text and links', async () => {
    const answer = await harness.checkMessage({ user: 'U0SOMEONE', text: `Everyone is sharing this <${teaVideo}|video>!` });
    expect(answer.response_type).toBe('ephemeral');
    expect(text(answer)).toContain(teaCure.claim);
    expect(text(answer)).toContain('Part of the message');
  });

  it('answers politely when the message has no text (a file, an image)', async () => {
    const answer = await harness.checkMessage({ user: 'U0SOMEONE', text: '', files: [{ id: 'F1', name: 'photo.jpg' }] });
    expect(text(answer)).toContain('no text or links to check');
  });
});

describe('Slack app over HTTP: link unfurls', () => {
  it('answers link_shared with chat.unfurl cards for links that match a fact-check, and only those', async () => {
    const other = 'https://news.example.org/nothing-checked-here';
    const envelope = harness.eventEnvelope({
      type: 'link_shared',
      channel: 'C0GENERAL',
      user: REPORTER,
      message_ts: '1764000100.000100',
      links: [
        { domain: 'video.example.net', url: teaVideo },
        { domain: 'news.example.org', url: other },
      ],
      event_ts: '1764000100.000200',
    });
    expect(await harness.sendEvent(envelope)).toBe(200);
    await harness.slack.waitFor(() => harness.slack.callsTo('chat.unfurl').some((c) => c.args.ts === '1764000100.000100'), 'the unfurl');
    const unfurl = harness.slack.callsTo('chat.unfurl').find((c) => c.args.ts === '1764000100.000100')!;
    expect(unfurl.args.channel).toBe('C0GENERAL');
    const unfurls = unfurl.args.unfurls as Record<string, any>;
    expect(Object.keys(unfurls)).toEqual([teaVideo]);
    expect(text(unfurls[teaVideo])).toContain('*False*');
    expect(unfurls[teaVideo].color).toMatch(/^#/);
  });

  it('handles a retried delivery of the same event once', async () => {
    const envelope = harness.eventEnvelope({
      type: 'link_shared',
      channel: 'C0GENERAL',
      user: REPORTER,
      message_ts: '1764000200.000100',
      links: [{ domain: 'video.example.net', url: teaVideo }],
      event_ts: '1764000200.000200',
    });
    expect(await harness.sendEvent(envelope)).toBe(200);
    expect(await harness.sendEvent(envelope, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).toBe(200);
    expect(await harness.sendEvent(envelope, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).toBe(200);
    // A later, different event: once its unfurl is in, any duplicate would have been too.
    const sentinel = harness.eventEnvelope({
      type: 'link_shared',
      channel: 'C0GENERAL',
      user: REPORTER,
      message_ts: '1764000300.000100',
      links: [{ domain: 'video.example.net', url: teaVideo }],
      event_ts: '1764000300.000200',
    });
    await harness.sendEvent(sentinel);
    await harness.slack.waitFor(() => harness.slack.callsTo('chat.unfurl').some((c) => c.args.ts === '1764000300.000100'), 'the sentinel unfurl');
    expect(harness.slack.callsTo('chat.unfurl').filter((c) => c.args.ts === '1764000200.000100')).toHaveLength(1);
  });
});

describe('Slack app over HTTP: channel watch', () => {
  const message = (channel: string, body: Record<string, unknown>) =>
    harness.eventEnvelope({ type: 'message', channel, channel_type: 'channel', ts: harness.nextId('1764000400.'), ...body });

  it('lets only workspace admins and the configured user group change the mode', async () => {
    const refused = await harness.ask('/factcheck-watch', 'thread', { user: REPORTER, channel: 'C0WATCH0' });
    expect(text(refused)).toContain('Only moderators and workspace admins');
    const byGroup = await harness.ask('/factcheck-watch', 'thread', { user: DESK_MEMBER, channel: 'C0WATCH0' });
    expect(text(byGroup)).toContain('Channel watch is now "thread"');
    expect(harness.slack.callsTo('usergroups.users.list').at(-1)?.args.usergroup).toBe(WATCH_ADMIN_GROUP);
  });

  it('in thread mode, replies once in a thread to a message matching a claim rated other than true', async () => {
    const channel = 'C0WATCH1';
    await setWatch(channel, 'thread');
    const posted = harness.slack.callsTo('chat.postMessage').length;
    const first = message(channel, { user: 'U0SOMEONE', text: `wow <${teaVideo}>` });
    await harness.sendEvent(first);
    await harness.slack.waitFor(() => harness.slack.callsTo('chat.postMessage').length > posted, 'the thread reply');
    const reply = harness.slack.callsTo('chat.postMessage')[posted]!;
    expect(reply.args.channel).toBe(channel);
    expect(reply.args.thread_ts).toBe((first.event as { ts: string }).ts);
    expect(text(reply.args)).toContain(teaCure.claim);

    // The same match again (cooldown), a true claim, a bot, an edit, and factdesk itself: no reply.
    await harness.sendEvent(message(channel, { user: 'U0OTHER', text: `again ${teaVideo}` }));
    await harness.sendEvent(message(channel, { user: 'U0OTHER', text: bridge.reviewUrl! }));
    await harness.sendEvent(message(channel, { subtype: 'bot_message', bot_id: 'B0OTHER', text: teaCure.appearances[1]! }));
    await harness.sendEvent(message(channel, { user: 'U0FACTDESK', bot_id: 'B0FACTDESK', text: teaCure.appearances[1]! }));
    await harness.sendEvent(message(channel, { subtype: 'message_changed', message: { user: 'U0OTHER', text: teaCure.appearances[1]! } }));
    // Sentinel in another watched channel proves the events above were all processed.
    const sentinelChannel = 'C0WATCH2';
    await setWatch(sentinelChannel, 'thread');
    await harness.sendEvent(message(sentinelChannel, { user: 'U0OTHER', text: teaVideo }));
    await harness.slack.waitFor(() => harness.slack.callsTo('chat.postMessage').some((c) => c.args.channel === sentinelChannel), 'the sentinel reply');
    expect(harness.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel)).toHaveLength(1);
  });

  it("in moderators mode, reports the match to the moderators' channel instead", async () => {
    const channel = 'C0WATCH3';
    await setWatch(channel, 'moderators');
    const posted = harness.slack.callsTo('chat.postMessage').length;
    await harness.sendEvent(message(channel, { user: 'U0SOMEONE', text: teaVideo }));
    await harness.slack.waitFor(() => harness.slack.callsTo('chat.postMessage').length > posted, 'the report');
    const report = harness.slack.callsTo('chat.postMessage')[posted]!;
    expect(report.args.channel).toBe(MODERATORS_CHANNEL);
    expect(report.args.thread_ts).toBeUndefined();
    expect(text(report.args)).toContain(`Seen in <#${channel}>, posted by <@U0SOMEONE>`);
    expect(text(report.args)).toContain('View message');
    expect(text(report.args)).toContain(teaCure.claim);
  });
});

describe('Slack app over HTTP: request verification', () => {
  const validCommand = () => ({
    form: {
      team_id: FAKE_TEAM_ID,
      channel_id: 'C0GENERAL',
      user_id: REPORTER,
      command: '/factcheck',
      text: teaVideo,
      response_url: harness.slack.responseUrl('forged'),
    },
  });
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['a bad signature', { signature: `v0=${'0'.repeat(64)}` }],
    ['a signature made with another secret', { secret: 'not-the-secret' }],
    ['a missing signature header', { signature: null }],
    ['a missing timestamp header', { omitTimestamp: true }],
    ['a timestamp 10 minutes old', { timestamp: now() - 600 }],
    ['a timestamp 10 minutes in the future', { timestamp: now() + 600 }],
  ])('rejects %s with 401 before any handler runs', async (_name, tamper) => {
    const calls = harness.slack.handlerCalls().length;
    const response = await sendSigned(harness.eventsUrl, validCommand(), { secret: SIGNING_SECRET, ...tamper });
    expect(response.status).toBe(401);
    // A valid request afterwards is answered; the rejected one never was.
    await harness.ask('/factcheck', teaVideo);
    expect(harness.slack.responsesTo('forged')).toHaveLength(0);
    expect(harness.slack.handlerCalls()).toHaveLength(calls);
  });

  it('rejects a replayed event with a future timestamp: no unfurl', async () => {
    const envelope = harness.eventEnvelope({
      type: 'link_shared',
      channel: 'C0GENERAL',
      user: REPORTER,
      message_ts: '1764000500.000100',
      links: [{ domain: 'video.example.net', url: teaVideo }],
      event_ts: '1764000500.000200',
    });
    const response = await sendSigned(harness.eventsUrl, { json: envelope }, { secret: SIGNING_SECRET, timestamp: now() + 600 });
    expect(response.status).toBe(401);
    expect(harness.slack.callsTo('chat.unfurl').filter((c) => c.args.ts === '1764000500.000100')).toHaveLength(0);
  });
});

describe('Slack app over HTTP: link buttons', () => {
  it('acknowledges a click on the fact-check link button and does nothing else', async () => {
    const calls = harness.slack.handlerCalls().length;
    const click = await harness.clickButton({ action_id: INTERACTION_IDS.openLink });
    expect(click.status).toBe(200);
    await harness.ask('/factcheck', teaVideo);
    expect(harness.slack.responsesTo(click.responseId)).toHaveLength(0);
    expect(harness.slack.handlerCalls()).toHaveLength(calls);
  });
});

describe('Slack app over HTTP: health and Web API', () => {
  it('serves GET /healthz as JSON on the same port', async () => {
    const response = await fetch(`${harness.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, store: 'in-memory store' });
  });

  it('verified its token with auth.test on the fake Web API at startup', () => {
    expect(harness.slack.callsTo('auth.test').length).toBeGreaterThan(0);
  });
});

describe('createSlackAdapter', () => {
  const base = { SLACK_BOT_TOKEN: 'xoxb-test-token' };
  const parts = () => ({ core: harness.core, watcher: new ChannelWatcher(harness.core.lookup, harness.core.store) });

  it('uses Socket Mode when SLACK_APP_TOKEN is set, HTTP otherwise', () => {
    expect(createSlackAdapter({ ...parts(), env: envSchema.parse({ ...base, SLACK_APP_TOKEN: 'xapp-1-test' }) }).mode).toBe('socket');
    expect(createSlackAdapter({ ...parts(), env: envSchema.parse({ ...base, SLACK_SIGNING_SECRET: 's' }) }).mode).toBe('http');
  });

  it('names the missing variable when it cannot start', () => {
    expect(() => createSlackAdapter({ ...parts(), env: envSchema.parse({}) })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => createSlackAdapter({ ...parts(), env: envSchema.parse(base) })).toThrow(/SLACK_SIGNING_SECRET.*SLACK_APP_TOKEN/);
  });

  it('fails to start with a revoked token, as Slack says at auth.test', async () => {
    const slack = new FakeSlack();
    await slack.start();
    try {
      const env = envSchema.parse({ SLACK_BOT_TOKEN: REVOKED_TOKEN, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.apiUrl, PORT: '0' });
      const adapter = createSlackAdapter({ ...parts(), env, host: '127.0.0.1' });
      await expect(adapter.start()).rejects.toThrow(/invalid_auth/);
      expect(adapter.port).toBeUndefined();
      await adapter.stop();
    } finally {
      await slack.close();
    }
  });
});
