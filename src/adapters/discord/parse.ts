import {
  MessageReferenceType,
  MessageType,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
} from 'discord.js';
import type { Requester } from '../../core/command.js';
import type { ChatMessage } from '../../core/message-check.js';
import type { Env } from '../../config/config.js';

/** `discord:<guild id>`, or `discord:dm` outside servers: wrong-match feedback is kept per scope. */
export function scopeOf(guildId: string | null): string {
  return guildId ? `discord:${guildId}` : 'discord:dm';
}

/** The roles that grant permissions: `DISCORD_WATCH_ROLE` and the curator roles of `FACTDESK_CURATOR_GROUPS`. */
export type PermissionRoles = Pick<Env, 'DISCORD_WATCH_ROLE' | 'FACTDESK_CURATOR_GROUPS'>;

/**
 * Who is asking, from an interaction. Watch permission: Manage Messages, or the watch role.
 * Curation (staff commands): Manage Server, or any curator role. Both only inside a server.
 */
export function requesterFromInteraction(interaction: Interaction, roles: PermissionRoles): Requester {
  return {
    platform: 'discord',
    scope: scopeOf(interaction.guildId),
    userId: interaction.user.id,
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    permissions: {
      manageWatch: mayAct(interaction, PermissionFlagsBits.ManageMessages, roles.DISCORD_WATCH_ROLE ? [roles.DISCORD_WATCH_ROLE] : []),
      curate: mayAct(interaction, PermissionFlagsBits.ManageGuild, roles.FACTDESK_CURATOR_GROUPS),
    },
  };
}

export function requesterFromMessage(message: Message): Requester {
  return {
    platform: 'discord',
    scope: scopeOf(message.guildId),
    userId: message.author.id,
    channelId: message.channelId,
  };
}

/** Holds the permission (Administrator implies every one), or any of the roles. */
function mayAct(interaction: Interaction, permission: bigint, roleIds: readonly string[]): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(permission)) return true;
  if (roleIds.length === 0) return false;
  const roles = interaction.member.roles;
  // Without the guild cached, discord.js hands over the raw member, whose roles are plain ids.
  return roleIds.some((roleId) => (Array.isArray(roles) ? roles.includes(roleId) : roles.cache.has(roleId)));
}

/** A slash command's options as the raw object `core.dispatch` validates. */
export function slashCommandOptions(interaction: ChatInputCommandInteraction): Record<string, unknown> {
  return Object.fromEntries(interaction.options.data.map((option) => [option.name, option.value]));
}

/** The text and links of a message, for `check-message` and the watcher. */
export function chatMessageOf(message: Message): ChatMessage {
  const links = message.embeds.map((embed) => embed.url).filter((url): url is string => Boolean(url));
  return { text: message.content, ...(links.length > 0 ? { links } : {}) };
}

/**
 * True when a message arrived with nothing in it at all: what Discord sends for ordinary messages
 * when the bot lacks the Message Content intent (content, embeds and attachments are all emptied).
 */
export function looksStrippedOfContent(message: Message): boolean {
  const ordinary = message.type === MessageType.Default || message.type === MessageType.Reply;
  const forwarded = message.reference?.type === MessageReferenceType.Forward || message.messageSnapshots.size > 0;
  return (
    ordinary &&
    !forwarded &&
    message.content === '' &&
    message.embeds.length === 0 &&
    message.attachments.size === 0 &&
    message.stickers.size === 0 &&
    !message.poll
  );
}
