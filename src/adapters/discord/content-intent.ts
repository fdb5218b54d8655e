import type { Message } from 'discord.js';
import { discordMessages } from './discord-messages.js';
import { looksStrippedOfContent } from './parse.js';

/**
 * Whether Discord sends factdesk the text of messages (the privileged Message Content intent).
 * Without it, watched channels would silently never match; this notices and says so, once in the
 * log and to each moderator who turns watching on.
 */
export class ContentIntent {
  private missing: boolean;
  private readonly warn: (message: string) => void;

  constructor(options: { requested: boolean; warnOnce: (message: string) => void }) {
    this.missing = !options.requested;
    this.warn = options.warnOnce;
  }

  get isMissing(): boolean {
    return this.missing;
  }

  /** Discord refused the intent at login; factdesk runs on without it. */
  markRefused(): void {
    this.missing = true;
    this.warn(discordMessages.noMessageContentIntent);
  }

  /**
   * Looks at a message from a watched channel. Returns false when its content is unavailable.
   * Discord still sends the text of messages that mention the bot, so those prove nothing either way.
   */
  hasContent(message: Message): boolean {
    if (looksStrippedOfContent(message)) {
      this.missing = true;
      this.warn(discordMessages.noMessageContentIntent);
      return false;
    }
    const mentionsBot = message.client.user ? message.mentions.users.has(message.client.user.id) : false;
    if (message.content !== '' && !mentionsBot) this.missing = false;
    return true;
  }
}
