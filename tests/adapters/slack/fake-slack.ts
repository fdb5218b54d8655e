import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the fake received it: method name and arguments (JSON fields decoded). */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
}

/** One message posted to a response_url (Bolt's `respond()`). */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, any>;
}

export interface FakeSlackOptions {
  /** users.info answers: user id → admin/owner flags. Unknown users are plain members. */
  users?: Record<string, { is_admin?: boolean; is_owner?: boolean }>;
  /** usergroups.users.list answers: usergroup id → member ids. */
  usergroups?: Record<string, string[]>;
  /** Channels where chat.postMessage fails with not_in_channel (a private channel factdesk was never invited to). */
  channelsWithoutBot?: string[];
  /** The WebSocket URL apps.connections.open hands out (Socket Mode); without it the method is unknown. */
  socketModeUrl?: string;
}

export const FAKE_TEAM_ID = 'T0NEWS';
export const FAKE_BOT_USER_ID = 'U0FACTDESK';
export const FAKE_BOT_ID = 'B0FACTDESK';
/** A bot token the fake treats as revoked: auth.test answers invalid_auth. */
export const REVOKED_TOKEN = 'xoxb-revoked';

/**
 * A small stand-in for Slack: the Web API (`POST /api/<method>`, form-encoded like the real
 * client sends) and response_url endpoints (`POST /respond/<id>`), recording everything.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  private server?: Server;
  private nextTs = 1_764_000_000;
  private waiters: Array<() => void> = [];

  constructor(private readonly options: FakeSlackOptions = {}) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(
        (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
        () => response.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Without a trailing slash on purpose: the adapter must add it. */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(id: string): ResponseUrlPost[] {
    return this.responses.filter((response) => response.id === id);
  }

  /** Everything recorded since startup except the bot's own auth.test. */
  handlerCalls(): ApiCall[] {
    return this.calls.filter((call) => call.method !== 'auth.test');
  }

  /** Resolves once `condition` holds (re-checked after every recorded request), or fails after `timeoutMs`. */
  async waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake Slack: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private record(): void {
    const waiters = this.waiters.splice(0);
    for (const wake of waiters) wake();
  }

  private async handle(request: IncomingMessage): Promise<unknown> {
    const raw = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    if (path.startsWith('/respond/')) {
      this.responses.push({ id: path.slice('/respond/'.length), body: JSON.parse(raw) });
      this.record();
      return { ok: true };
    }
    const method = path.replace(/^\/api\//, '');
    const args = Object.fromEntries([...new URLSearchParams(raw)].map(([key, value]) => [key, decodeField(value)]));
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    this.calls.push({ method, args, ...(token ? { token } : {}) });
    const answer = this.answer(method, args, token);
    this.record();
    return answer;
  }

  private answer(method: string, args: Record<string, unknown>, token: string | undefined): unknown {
    switch (method) {
      case 'auth.test':
        if (token === REVOKED_TOKEN) return { ok: false, error: 'invalid_auth' };
        return { ok: true, user_id: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID, team_id: FAKE_TEAM_ID, team: 'Newsroom' };
      case 'chat.postMessage': {
        if (this.options.channelsWithoutBot?.includes(String(args.channel))) return { ok: false, error: 'not_in_channel' };
        return { ok: true, channel: args.channel, ts: `${(this.nextTs += 1)}.000100` };
      }
      case 'apps.connections.open':
        return this.options.socketModeUrl ? { ok: true, url: this.options.socketModeUrl } : { ok: false, error: 'unknown_method' };
      case 'chat.unfurl':
        return { ok: true };
      case 'chat.getPermalink':
        return { ok: true, permalink: `https://newsroom.slack.example/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}` };
      case 'views.open':
        return { ok: true, view: { id: `V${(this.nextTs += 1)}`, ...(args.view as object) } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'users.info': {
        const flags = this.options.users?.[String(args.user)] ?? {};
        return { ok: true, user: { id: args.user, is_admin: false, is_owner: false, is_primary_owner: false, ...flags } };
      }
      case 'usergroups.users.list': {
        const users = this.options.usergroups?.[String(args.usergroup)];
        return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The Web API client JSON-encodes arrays and objects (blocks, unfurls) into form fields. */
function decodeField(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
