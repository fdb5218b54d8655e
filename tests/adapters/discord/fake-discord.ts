import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './fake-gateway.js';
import { APPLICATION_ID, BOT_USER } from './fake-identity.js';
import { messageObject } from './gateway-payloads.js';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/api/v10/interactions/1/tok/callback`. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export { APPLICATION_ID, BOT_USER };

/** The id of the fake's direct-message channel with a user. */
export function dmChannelId(userId: string): string {
  return String(BigInt(userId) + 1n);
}

/**
 * A small stand-in for Discord's REST API: records every request and answers like Discord
 * (204 for interaction callbacks, a message object for messages and webhooks, the echoed body
 * for a command overwrite, gateway information for `/gateway/bot`).
 */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Answer every authenticated request with 401, as Discord does for a wrong token. */
  rejectToken = false;
  /** Channels the bot may not post in: Discord answers 403 Missing Access (50001). */
  readonly forbiddenChannels = new Set<string>();
  /** Answer the next command registration with this status and error code instead (e.g. 401). */
  failRegistration?: { status: number; code: number; message: string };
  /** The gateway `/gateway/bot` points at, on the same port: one fake serves REST and gateway. */
  readonly gateway: FakeGateway;
  private listeners: Array<() => void> = [];
  private nextId = 1n;

  private constructor(private readonly server: http.Server) {
    this.gateway = new FakeGateway(server);
  }

  static async start(): Promise<FakeDiscord> {
    const server = http.createServer();
    const fake = new FakeDiscord(server);
    server.on('request', (request, response) => fake.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The REST base to give discord.js (`rest.api`) and DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The first request (already made or still to come) that matches; fails after `timeoutMs`. */
  waitFor(match: (request: RecordedRequest) => boolean, timeoutMs = 3000): Promise<RecordedRequest> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.requests.find(match);
        if (!found) return false;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((listener) => listener !== onRequest);
        resolve(found);
        return true;
      };
      const onRequest = () => void check();
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((listener) => listener !== onRequest);
        reject(new Error(`No matching request within ${timeoutMs} ms. Seen: ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'}`));
      }, timeoutMs);
      if (!check()) this.listeners.push(onRequest);
    });
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: request.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      this.requests.push(recorded);
      this.answer(recorded, response);
      for (const listener of [...this.listeners]) listener();
    });
  }

  private answer(request: RecordedRequest, response: http.ServerResponse): void {
    const { method, path, body } = request;
    const json = (status: number, payload: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };

    if (this.rejectToken && request.headers.authorization) return json(401, { code: 0, message: '401: Unauthorized' });
    if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return void response.writeHead(204).end();
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      return json(200, { url: `ws://127.0.0.1:${this.port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    const commands = /^\/api\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (method === 'PUT' && commands) {
      if (this.failRegistration) {
        const { status, code, message } = this.failRegistration;
        return json(status, { code, message });
      }
      return json(200, (body as object[]).map((command) => ({
        ...command,
        id: this.id(),
        application_id: commands[1],
        ...(commands[2] ? { guild_id: commands[2] } : {}),
        version: this.id(),
      })));
    }
    const webhook = /^\/api\/v10\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.exec(path);
    if (webhook && (method === 'PATCH' || method === 'POST')) return json(200, this.message('100000000000000100', body));
    const channel = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
    if (channel && method === 'POST') {
      if (this.forbiddenChannels.has(channel[1]!)) return json(403, { code: 50001, message: 'Missing Access' });
      return json(200, this.message(channel[1]!, body));
    }
    if (method === 'POST' && path === '/api/v10/users/@me/channels') {
      // A direct-message channel; its id is derived from the user's so tests can tell them apart.
      const recipient = String(body?.recipient_id);
      return json(200, { id: dmChannelId(recipient), type: 1, recipients: [{ id: recipient, username: 'someone', discriminator: '0', global_name: null, avatar: null }] });
    }
    json(404, { code: 0, message: `Fake Discord does not serve ${method} ${path}` });
  }

  private message(channelId: string, body: Record<string, unknown> | undefined) {
    return messageObject(typeof body?.content === 'string' ? body.content : '', {
      id: this.id(),
      channelId,
      author: BOT_USER,
      embeds: (body?.embeds as unknown[] | undefined) ?? [],
      components: (body?.components as unknown[] | undefined) ?? [],
      flags: typeof body?.flags === 'number' ? body.flags : 0,
    });
  }


  private id(): string {
    return String(800000000000000000n + this.nextId++);
  }
}
