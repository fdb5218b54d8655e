import { Client, GatewayIntentBits } from 'discord.js';

/**
 * A discord.js client with only what factdesk uses: guilds (channels, for watch), guild messages
 * (watch), and, when asked, the privileged Message Content intent (the text of watched messages).
 */
export function createDiscordClient(options: { apiUrl?: string; messageContent: boolean }): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      ...(options.messageContent ? [GatewayIntentBits.MessageContent] : []),
    ],
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
}

/** Discord closes the gateway with 4014 when a privileged intent is not enabled for the application. */
export function isDisallowedIntentsError(error: unknown): boolean {
  return error instanceof Error && /disallowed intents|privileged intent/i.test(error.message);
}
