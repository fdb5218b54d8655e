import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commands } from '../../../commands/index.js';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { envSchema, PROJECT_ROOT } from '../../../src/config/config.js';
import { createCore, type Core } from '../../../src/core/core.js';
import { LookupService } from '../../../src/core/lookup.js';
import { ChannelWatcher } from '../../../src/core/watch.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { FAKE_TEAM_ID, FakeSlack, type FakeSlackOptions } from './fake-slack.js';
import { interactionForm, sendSigned } from './signed-request.js';

export const SIGNING_SECRET = 'test-signing-secret-8f14e45fceea167a';
export const MODERATORS_CHANNEL = 'C0MODS';
export const WATCH_ADMIN_GROUP = 'S0DESK';
/** Staff user groups: the first is not a real group (Slack answers no_such_subteam), which must not hide the second. */
export const CURATOR_GROUPS = ['S0GONE', 'S0CURATORS'] as const;

/**
 * The real Slack app in HTTP mode on a loopback port, on a core built from the real seed (in
 * memory, so the file is never written), talking to a fake Slack Web API.
 */
export class SlackAppHarness {
  readonly slack: FakeSlack;
  core!: Core;
  adapter!: SlackAdapter;
  private counter = 0;

  constructor(options: FakeSlackOptions = {}) {
    this.slack = new FakeSlack(options);
  }

  async start(extra: { health?: () => Promise<object> } = {}): Promise<void> {
    await this.slack.start();
    const seed = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/seed.json'), 'utf8'));
    const store = new MemoryStore(seed);
    const lookup = await LookupService.fromStore(store);
    this.core = createCore({ store, lookup, commands });
    const env = envSchema.parse({
      PORT: '0',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: this.slack.apiUrl,
      SLACK_MODERATORS_CHANNEL: MODERATORS_CHANNEL,
      SLACK_WATCH_ADMIN_GROUP: WATCH_ADMIN_GROUP,
      FACTDESK_CURATOR_GROUPS: CURATOR_GROUPS.join(', '),
    });
    const watcher = new ChannelWatcher(lookup, store);
    this.adapter = createSlackAdapter({ core: this.core, env, watcher, host: '127.0.0.1', ...extra });
    await this.adapter.start();
  }

  async stop(): Promise<void> {
    await this.adapter?.stop();
    await this.slack.close();
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.adapter.port}`;
  }

  get eventsUrl(): string {
    return `${this.baseUrl}/slack/events`;
  }

  /** A fresh id per request, so each test's response_url and event ids are its own. */
  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** Sends a signed slash command and returns the HTTP status, the response_url id and the trigger id. */
  async slashCommand(command: string, text: string, origin: { user?: string; channel?: string } = {}) {
    const responseId = this.nextId('cmd');
    const triggerId = this.nextId('trigger');
    const response = await sendSigned(
      this.eventsUrl,
      {
        form: {
          token: 'legacy-verification-token',
          team_id: FAKE_TEAM_ID,
          team_domain: 'newsroom',
          channel_id: origin.channel ?? 'C0GENERAL',
          channel_name: 'general',
          user_id: origin.user ?? 'U0REPORTER',
          user_name: 'reporter',
          command,
          text,
          api_app_id: 'A0FACTDESK',
          response_url: this.slack.responseUrl(responseId),
          trigger_id: triggerId,
        },
      },
      { secret: SIGNING_SECRET },
    );
    return { status: response.status, responseId, triggerId };
  }

  /**
   * Submits a modal factdesk opened (`view` as sent to views.open) with `inputs` typed into it, as
   * Slack posts a view_submission. Returns the HTTP status and the acknowledgement body (`response_action`…).
   */
  async submitView(view: Record<string, any>, inputs: Record<string, string>, origin: { user?: string } = {}) {
    const values = Object.fromEntries(
      (view.blocks as any[])
        .filter((block) => block.type === 'input')
        .map((block) => [block.block_id, { [block.element.action_id]: { type: 'plain_text_input', value: inputs[block.block_id] ?? block.element.initial_value ?? null } }]),
    );
    const response = await sendSigned(
      this.eventsUrl,
      interactionForm({
        type: 'view_submission',
        team: { id: FAKE_TEAM_ID, domain: 'newsroom' },
        user: { id: origin.user ?? 'U0REPORTER', username: 'reporter', name: 'reporter', team_id: FAKE_TEAM_ID },
        api_app_id: 'A0FACTDESK',
        token: 'legacy-verification-token',
        trigger_id: this.nextId('trigger'),
        view: { id: this.nextId('V'), team_id: FAKE_TEAM_ID, app_id: 'A0FACTDESK', ...view, state: { values }, hash: '1764000000.abc' },
        response_urls: [],
        is_enterprise_install: false,
      }),
      { secret: SIGNING_SECRET },
    );
    const raw = await response.text();
    return { status: response.status, body: raw ? (JSON.parse(raw) as Record<string, any>) : {} };
  }

  /** Runs a slash command and waits for its answer through the response_url. */
  async ask(command: string, text: string, origin: { user?: string; channel?: string } = {}): Promise<Record<string, any>> {
    const { status, responseId } = await this.slashCommand(command, text, origin);
    if (status !== 200) throw new Error(`slash command answered HTTP ${status}`);
    await this.slack.waitFor(() => this.slack.responsesTo(responseId).length > 0, `the answer to ${command} ${text}`);
    return this.slack.responsesTo(responseId)[0]!.body;
  }

  /** Clicks a button (block_actions) on an ephemeral answer; returns the response_url id. */
  async clickButton(button: { action_id: string; value?: string }, origin: { user?: string; channel?: string } = {}) {
    const responseId = this.nextId('click');
    const channel = origin.channel ?? 'C0GENERAL';
    const response = await sendSigned(
      this.eventsUrl,
      interactionForm({
        type: 'block_actions',
        team: { id: FAKE_TEAM_ID, domain: 'newsroom' },
        user: { id: origin.user ?? 'U0REPORTER', username: 'reporter', team_id: FAKE_TEAM_ID },
        api_app_id: 'A0FACTDESK',
        token: 'legacy-verification-token',
        container: { type: 'message', message_ts: '1764000000.000100', channel_id: channel, is_ephemeral: true },
        trigger_id: this.nextId('trigger'),
        channel: { id: channel, name: 'general' },
        response_url: this.slack.responseUrl(responseId),
        actions: [{ type: 'button', block_id: 'b1', text: { type: 'plain_text', text: 'x' }, action_ts: '1764000001.000200', ...button }],
      }),
      { secret: SIGNING_SECRET },
    );
    return { status: response.status, responseId };
  }

  /** Uses the "Check this message" shortcut on a message; waits for and returns the private answer. */
  async checkMessage(message: Record<string, unknown>, origin: { user?: string; channel?: string } = {}): Promise<Record<string, any>> {
    const responseId = this.nextId('shortcut');
    const response = await sendSigned(
      this.eventsUrl,
      interactionForm({
        type: 'message_action',
        callback_id: 'check_message',
        trigger_id: this.nextId('trigger'),
        message_ts: '1764000000.000300',
        response_url: this.slack.responseUrl(responseId),
        message: { type: 'message', ts: '1764000000.000300', ...message },
        user: { id: origin.user ?? 'U0REPORTER', name: 'reporter', team_id: FAKE_TEAM_ID },
        channel: { id: origin.channel ?? 'C0GENERAL', name: 'general' },
        team: { id: FAKE_TEAM_ID, domain: 'newsroom' },
        token: 'legacy-verification-token',
        action_ts: '1764000002.000400',
      }),
      { secret: SIGNING_SECRET },
    );
    if (response.status !== 200) throw new Error(`shortcut answered HTTP ${response.status}`);
    await this.slack.waitFor(() => this.slack.responsesTo(responseId).length > 0, 'the shortcut answer');
    return this.slack.responsesTo(responseId)[0]!.body;
  }

  /** An Events API envelope for `event`, as Slack posts it. */
  eventEnvelope(event: Record<string, unknown>, eventId = this.nextId('Ev')) {
    return {
      token: 'legacy-verification-token',
      team_id: FAKE_TEAM_ID,
      api_app_id: 'A0FACTDESK',
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: FAKE_TEAM_ID, user_id: 'U0FACTDESK', is_bot: true }],
    };
  }

  async sendEvent(envelope: unknown, headers: Record<string, string> = {}): Promise<number> {
    return (await sendSigned(this.eventsUrl, { json: envelope }, { secret: SIGNING_SECRET, headers })).status;
  }
}

/** Every button in a message's blocks. */
export function buttonsIn(message: { blocks?: unknown[] }): Array<{ action_id: string; value?: string; url?: string }> {
  return (message.blocks ?? []).flatMap((block: any) => (block.type === 'actions' ? block.elements : []));
}
