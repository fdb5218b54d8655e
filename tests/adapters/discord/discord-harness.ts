import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, GatewayIntentBits, Status } from 'discord.js';
import { commands } from '../../../commands/index.js';
import { envSchema, PROJECT_ROOT, type Env } from '../../../src/config/config.js';
import { createCore, type Core } from '../../../src/core/core.js';
import { LookupService } from '../../../src/core/lookup.js';
import { ChannelWatcher } from '../../../src/core/watch.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import type { Adapter } from '../../../src/adapters/adapter.js';
import { createDiscordAdapter } from '../../../src/adapters/discord/discord-adapter.js';
import { FakeDiscord } from './fake-discord.js';
import { APPLICATION_ID, BOT_USER } from './fake-identity.js';
import * as payloads from './gateway-payloads.js';

export interface HarnessOptions {
  env?: Record<string, string>;
  deferAfterMs?: number;
  /** Ask for the Message Content intent (default true). */
  messageContent?: boolean;
  now?: Date;
}

/** The real core on the seed data, in memory: the same pieces the app's composition root uses. */
export async function seedCore(): Promise<{ core: Core; watcher: ChannelWatcher }> {
  const seed = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/seed.json'), 'utf8')) as ConstructorParameters<typeof MemoryStore>[0];
  const store = new MemoryStore(seed);
  const lookup = await LookupService.fromStore(store);
  return { core: createCore({ store, lookup, commands }), watcher: new ChannelWatcher(lookup, store) };
}

/** The environment the adapter would read, pointed at the fake. */
export function testEnv(fake: FakeDiscord, overrides: Record<string, string> = {}): Env {
  return envSchema.parse({ DISCORD_TOKEN: 'test-token', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl, ...overrides });
}

/**
 * A real discord.js Client wired to the real Discord adapter and core, with REST pointed at
 * FakeDiscord. Gateway events go through discord.js's own packet handling (no socket needed).
 */
export class DiscordHarness {
  private sequence = 1;

  private constructor(
    readonly fake: FakeDiscord,
    readonly client: Client,
    readonly core: Core,
    readonly adapter: Adapter,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<DiscordHarness> {
    const fake = await FakeDiscord.start();
    const { core, watcher } = await seedCore();
    const client = new Client({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        ...(options.messageContent === false ? [] : [GatewayIntentBits.MessageContent]),
      ],
      rest: { api: fake.apiUrl },
    });
    client.rest.setToken('test-token');
    const adapter = createDiscordAdapter(
      { core, env: testEnv(fake, options.env), watcher },
      { client, deferAfterMs: options.deferAfterMs, now: options.now ? () => options.now! : undefined },
    );
    await adapter.start();
    const harness = new DiscordHarness(fake, client, core, adapter);
    harness.connect();
    return harness;
  }

  /** What the gateway sends after login: READY (our user and application), then the guild. */
  private connect(): void {
    (this.client.ws as unknown as { status: Status }).status = Status.Ready;
    // READY normally arrives on a live shard, which then checks whether all guilds have come in.
    this.dispatch('READY', {
      v: 10,
      user: BOT_USER,
      guilds: [],
      session_id: 'session',
      resume_gateway_url: 'ws://127.0.0.1:1',
      application: { id: APPLICATION_ID, flags: 0 },
    }, { id: 0, checkReady: () => undefined });
    this.dispatch('GUILD_CREATE', payloads.guildCreate());
  }

  /** Feeds one gateway dispatch through discord.js, exactly as its WebSocket manager does. */
  dispatch<T>(type: string, data: T, shard: object = { id: 0 }): T {
    const manager = this.client.ws as unknown as { handlePacket(packet: object, shard: object): boolean };
    manager.handlePacket({ op: 0, t: type, s: this.sequence++, d: data }, shard);
    return data;
  }

  slashCommand(name: string, options: Record<string, string | number | boolean>, member?: payloads.Actor) {
    return this.dispatch('INTERACTION_CREATE', payloads.slashCommand(name, options, member));
  }

  submitModal(customId: string, values: Record<string, string>, actor?: payloads.Actor) {
    return this.dispatch('INTERACTION_CREATE', payloads.modalSubmit(customId, values, actor));
  }

  autocomplete(name: string, option: string, typed: string) {
    return this.dispatch('INTERACTION_CREATE', payloads.autocomplete(name, option, typed));
  }

  messageMenu(menu: string, content: string) {
    return this.dispatch('INTERACTION_CREATE', payloads.messageMenu(menu, content));
  }

  clickButton(customId: string, shown?: { embeds?: unknown[]; components?: unknown[] }, actor?: payloads.Actor) {
    return this.dispatch('INTERACTION_CREATE', payloads.buttonClick(customId, shown, actor));
  }

  postMessage(content: string, options?: { author?: object; channelId?: string }) {
    return this.dispatch('MESSAGE_CREATE', payloads.messageCreate(content, options));
  }

  /** The interaction callback (initial response) Discord received for an interaction. */
  callbackFor(interaction: { id: string; token: string }) {
    return this.fake.waitFor((request) => request.method === 'POST' && request.path === `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`);
  }

  /** The edit of the original (deferred) response. */
  editFor(interaction: { token: string }) {
    return this.fake.waitFor((request) => request.method === 'PATCH' && request.path === `/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original`);
  }

  async close(): Promise<void> {
    await this.adapter.stop();
    await this.fake.close();
  }
}
