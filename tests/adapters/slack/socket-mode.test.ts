import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { INTERACTION_IDS } from '../../../src/adapters/slack/interactions.js';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { envSchema, PROJECT_ROOT } from '../../../src/config/config.js';
import { createCore } from '../../../src/core/core.js';
import { LookupService } from '../../../src/core/lookup.js';
import { ChannelWatcher } from '../../../src/core/watch.js';
import type { ClaimReview } from '../../../src/model/claim-review.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { FAKE_TEAM_ID, FakeSlack } from './fake-slack.js';
import { FakeSocketMode } from './fake-socket-mode.js';
import { visibleTexts } from './fixtures.js';
import { buttonsIn } from './slack-app-harness.js';

const BOT_TOKEN = 'xoxb-test-token';
const APP_TOKEN = 'xapp-1-A0FACTDESK-test';
const REPORTER = 'U0REPORTER';

const seed = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/seed.json'), 'utf8')) as { claims: ClaimReview[] };
const teaCure = seed.claims.find((entry) => entry.id === 'claim-vitabrisk-cures-diabetes')!;
const teaVideo = teaCure.appearances[0]!;

const socket = new FakeSocketMode();
let slack: FakeSlack;
let adapter: SlackAdapter;

beforeAll(async () => {
  await socket.start();
  slack = new FakeSlack({ socketModeUrl: socket.url });
  await slack.start();
  const store = new MemoryStore(seed);
  const lookup = await LookupService.fromStore(store);
  const core = createCore({ store, lookup, commands });
  // No signing secret: Socket Mode needs none, and no port is opened.
  const env = envSchema.parse({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl });
  adapter = createSlackAdapter({ core, env, watcher: new ChannelWatcher(lookup, store) });
  await adapter.start();
});
afterAll(async () => {
  await adapter?.stop();
  await slack?.close();
  await socket.close();
});

const text = (message: Record<string, any>) => [message.text, ...visibleTexts(message.blocks)].join('\n');

function slashCommand(command: string, commandText: string, responseId: string) {
  return socket.slashCommand({
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: 'newsroom',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: REPORTER,
    user_name: 'reporter',
    command,
    text: commandText,
    api_app_id: 'A0FACTDESK',
    is_enterprise_install: 'false',
    response_url: slack.responseUrl(responseId),
    trigger_id: `trigger-${responseId}`,
  });
}

function linkShared(eventId: string, messageTs: string) {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    api_app_id: 'A0FACTDESK',
    event: {
      type: 'link_shared',
      channel: 'C0GENERAL',
      user: REPORTER,
      message_ts: messageTs,
      links: [{ domain: 'video.example.net', url: teaVideo }],
      event_ts: messageTs,
    },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_TEAM_ID, user_id: 'U0FACTDESK', is_bot: true }],
    is_ext_shared_channel: false,
  };
}

const unfurlsOf = (messageTs: string) => slack.callsTo('chat.unfurl').filter((call) => call.args.ts === messageTs);

describe('Slack app in Socket Mode: connecting', () => {
  it('opens its connection with apps.connections.open on the configured Web API, using the app token', () => {
    expect(adapter.mode).toBe('socket');
    expect(adapter.port).toBeUndefined();
    const opens = slack.callsTo('apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]!.token).toBe(APP_TOKEN);
    expect(socket.connections).toBe(1);
    expect(socket.openConnections).toBe(1);
  });

  it('still verifies the bot token (not the app token) with auth.test', () => {
    expect(slack.callsTo('auth.test').map((call) => call.token)).toContain(BOT_TOKEN);
  });
});

describe('Slack app in Socket Mode: slash commands', () => {
  it('acknowledges a /factcheck envelope without an inline answer, then answers privately through response_url with a result card', async () => {
    const envelope = slashCommand('/factcheck', teaVideo, 'socket-cmd1');
    socket.send(envelope);
    await socket.waitFor(() => socket.ackFor(envelope.envelope_id) !== undefined, 'the slash command ack');
    expect(socket.ackFor(envelope.envelope_id)!.payload).toEqual({});

    await slack.waitFor(() => slack.responsesTo('socket-cmd1').length > 0, 'the answer at response_url');
    const answer = slack.responsesTo('socket-cmd1')[0]!.body;
    expect(answer.response_type).toBe('ephemeral');
    expect(text(answer)).toContain('*False*');
    expect(text(answer)).toContain(teaCure.claim);
    expect(text(answer)).toContain('Same link');
    expect(buttonsIn(answer).find((b) => b.action_id === INTERACTION_IDS.openLink)?.url).toBe(teaCure.reviewUrl);
  });
});

describe('Slack app in Socket Mode: interactive envelopes', () => {
  it('acknowledges a Share in channel click and posts the card publicly', async () => {
    socket.send(slashCommand('/factcheck-link', teaVideo, 'socket-cmd2'));
    await slack.waitFor(() => slack.responsesTo('socket-cmd2').length > 0, 'the answer to share');
    const share = buttonsIn(slack.responsesTo('socket-cmd2')[0]!.body).find((b) => b.action_id === INTERACTION_IDS.share)!;
    expect(share).toBeDefined();

    const click = socket.interactive({
      type: 'block_actions',
      team: { id: FAKE_TEAM_ID, domain: 'newsroom' },
      user: { id: REPORTER, username: 'reporter', team_id: FAKE_TEAM_ID },
      api_app_id: 'A0FACTDESK',
      token: 'legacy-verification-token',
      container: { type: 'message', message_ts: '1764000000.000100', channel_id: 'C0SOCKET', is_ephemeral: true },
      trigger_id: 'trigger-socket-click',
      channel: { id: 'C0SOCKET', name: 'socket' },
      response_url: slack.responseUrl('socket-click'),
      actions: [{ type: 'button', block_id: 'b1', text: { type: 'plain_text', text: 'Share' }, action_ts: '1764000001.000200', ...share }],
    });
    socket.send(click);
    await socket.waitFor(() => socket.ackFor(click.envelope_id) !== undefined, 'the click ack');
    await slack.waitFor(() => slack.callsTo('chat.postMessage').some((call) => call.args.channel === 'C0SOCKET'), 'the shared card');
    const post = slack.callsTo('chat.postMessage').find((call) => call.args.channel === 'C0SOCKET')!;
    expect(post.token).toBe(BOT_TOKEN);
    expect(text(post.args)).toContain(teaCure.claim);
    expect(text(post.args)).toContain(`Shared by <@${REPORTER}>`);
  });
});

describe('Slack app in Socket Mode: Events API', () => {
  it('acknowledges a link_shared envelope and unfurls the link once with chat.unfurl', async () => {
    const envelope = socket.event(linkShared('EvSocket1', '1764000600.000100'));
    socket.send(envelope);
    await socket.waitFor(() => socket.ackFor(envelope.envelope_id) !== undefined, 'the event ack');
    await slack.waitFor(() => unfurlsOf('1764000600.000100').length > 0, 'the unfurl');
    const unfurl = unfurlsOf('1764000600.000100')[0]!;
    expect(unfurl.args.channel).toBe('C0GENERAL');
    expect(unfurl.token).toBe(BOT_TOKEN);
    const unfurls = unfurl.args.unfurls as Record<string, any>;
    expect(Object.keys(unfurls)).toEqual([teaVideo]);
    expect(text(unfurls[teaVideo])).toContain('*False*');
  });

  it('acknowledges a redelivery of the same event (same event_id, retry_attempt 1) and does not unfurl it again', async () => {
    const event = linkShared('EvSocket2', '1764000700.000100');
    const first = socket.event(event);
    socket.send(first);
    await slack.waitFor(() => unfurlsOf('1764000700.000100').length > 0, 'the first unfurl');

    const retry = socket.event(event, 1);
    socket.send(retry);
    // An unacknowledged envelope would be delivered yet again.
    await socket.waitFor(() => socket.ackFor(retry.envelope_id) !== undefined, 'the retry ack');
    // A later, different event: once its unfurl is in, a duplicate's would have been too.
    socket.send(socket.event(linkShared('EvSocket3', '1764000800.000100')));
    await slack.waitFor(() => unfurlsOf('1764000800.000100').length > 0, 'the sentinel unfurl');
    expect(unfurlsOf('1764000700.000100')).toHaveLength(1);
  });
});

// Last: it ends the connection the tests above share.
describe('Slack app in Socket Mode: stopping', () => {
  it('closes the socket on stop() with a normal closure, as a deliberate goodbye rather than a dropped line', async () => {
    await adapter.stop();
    await socket.waitFor(() => socket.openConnections === 0, 'the socket to close');
    expect(socket.closes).toEqual([1000]);
  });
});
