import { Events, GatewayIntentBits, type Client, type Interaction } from 'discord.js';
import type { Adapter } from '../adapter.js';
import type { Core } from '../../core/core.js';
import type { ChannelWatcher } from '../../core/watch.js';
import type { Env } from '../../config/config.js';
import { FaultError } from '../../core/errors.js';
import { logger } from '../../log/logger.js';
import { RequestNotifications } from '../../requests/request-notifications.js';
import { ClaimSuggester } from './claim-suggester.js';
import { ContentIntent } from './content-intent.js';
import { createDiscordClient, isDisallowedIntentsError } from './discord-client.js';
import type { DiscordContext } from './discord-context.js';
import { discordNotifier } from './discord-notifier.js';
import { handleAutocomplete } from './handle-autocomplete.js';
import { handleButton } from './handle-button.js';
import { handleCheckClaim, handleSlashCommand } from './handle-command.js';
import { handleFormSubmit } from './handle-form.js';
import { handleMessage } from './handle-message.js';
import { CHECK_CLAIM_MENU } from './application-commands.js';
import { RecentReplies } from './recent-replies.js';
import { answerWithFault } from './respond.js';

/** Leaves ample margin within Discord's 3-second limit for the reply to travel. */
const DEFAULT_DEFER_AFTER_MS = 1000;

export interface DiscordAdapterOptions {
  /**
   * A client built elsewhere (tests feed it gateway packets directly): `start` attaches the
   * handlers but does not log in. Production leaves it out and logs in with DISCORD_TOKEN.
   */
  client?: Client;
  /** Reply directly when ready within this time, else defer first (0: always defer). */
  deferAfterMs?: number;
  now?: () => Date;
}

/**
 * The Discord bot: slash commands with autocomplete, the "Check claim" message menu, Share and
 * Wrong match buttons, "Request a fact-check", the `/factcheck-add` modal, request notifications
 * and channel watch. It only parses events and renders replies; the core answers.
 */
export function createDiscordAdapter(
  deps: { core: Core; env: Env; watcher: ChannelWatcher },
  options: DiscordAdapterOptions = {},
): Adapter {
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    logger.warn(message);
  };
  const now = options.now ?? (() => new Date());
  // People who asked for a fact-check on Discord are told by this instance once it is connected.
  let notifications: RequestNotifications | undefined;
  const context: DiscordContext = {
    ...deps,
    replies: new RecentReplies(),
    offers: new RecentReplies(),
    forms: new RecentReplies(),
    async drainNotifications() {
      await notifications?.drain();
    },
    suggester: new ClaimSuggester(deps.core.lookup),
    contentIntent: new ContentIntent({
      requested: options.client ? options.client.options.intents.has(GatewayIntentBits.MessageContent) : true,
      warnOnce,
    }),
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    now,
    warnOnce,
  };
  let client: Client | undefined;

  return {
    name: 'discord',
    async start() {
      client = options.client ? attach(options.client, context) : await logIn(deps.env, context);
      notifications = new RequestNotifications({
        store: deps.core.store,
        lookup: deps.core.lookup,
        platform: 'discord',
        notifier: discordNotifier(client.rest, deps.watcher, now),
      });
      notifications.start();
    },
    async stop() {
      notifications?.stop();
      notifications = undefined;
      const current = client;
      client = undefined;
      await current?.destroy();
    },
  };
}

/**
 * Logs in asking for the Message Content intent; if Discord refuses it (not enabled in the
 * Developer Portal), logs in again without it so commands and "Check claim" still work.
 */
async function logIn(env: Env, context: DiscordContext): Promise<Client> {
  const token = env.DISCORD_TOKEN;
  if (!token) throw new FaultError('DISCORD_TOKEN is not set.');
  const client = attach(createDiscordClient({ apiUrl: env.DISCORD_API_URL, messageContent: true }), context);
  try {
    await client.login(token);
    return client;
  } catch (error) {
    await client.destroy();
    if (!isDisallowedIntentsError(error)) throw explainLoginError(error);
  }
  context.contentIntent.markRefused();
  const withoutContent = attach(createDiscordClient({ apiUrl: env.DISCORD_API_URL, messageContent: false }), context);
  try {
    await withoutContent.login(token);
    return withoutContent;
  } catch (error) {
    await withoutContent.destroy();
    throw explainLoginError(error);
  }
}

function explainLoginError(error: unknown): unknown {
  if (error instanceof Error && 'code' in error && error.code === 'TokenInvalid') {
    return new FaultError('Discord rejected DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token).', { cause: error });
  }
  return error;
}

function attach(client: Client, context: DiscordContext): Client {
  client.once(Events.ClientReady, (ready) => logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'Discord connected'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));
  client.on(Events.InteractionCreate, (interaction) => void route(interaction, context));
  client.on(Events.MessageCreate, (message) => {
    handleMessage(message, context).catch((error: unknown) =>
      logger.error({ err: error, channel: message.channelId }, 'Discord channel watch failed'),
    );
  });
  return client;
}

async function route(interaction: Interaction, context: DiscordContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await handleAutocomplete(interaction, context);
    else if (interaction.isChatInputCommand()) await handleSlashCommand(interaction, context);
    else if (interaction.isMessageContextMenuCommand() && interaction.commandName === CHECK_CLAIM_MENU) await handleCheckClaim(interaction, context);
    else if (interaction.isButton()) await handleButton(interaction, context);
    else if (interaction.isModalSubmit()) await handleFormSubmit(interaction, context);
  } catch (error) {
    logger.error({ err: error, interaction: interaction.id }, 'Discord interaction failed');
    if (interaction.isRepliable()) await answerWithFault(interaction).catch(() => undefined);
  }
}
