import { Routes, type Message } from 'discord.js';
import type { WatchDecision } from '../../core/watch.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessages } from './discord-messages.js';
import { escapeText } from './escape.js';
import { chatMessageOf, requesterFromMessage } from './parse.js';
import { renderMessage, toRestBody } from './render-message.js';

const WATCHING = new Set(['thread', 'reply', 'moderators']);

/**
 * Channel watch: a message in a channel set to `reply` (or `thread`, the same on Discord) gets a
 * public reply when it confidently matches a fact-check rated other than true; in `moderators`
 * the match is reported to DISCORD_MODERATORS_CHANNEL instead. Bots, webhooks and DMs are ignored.
 */
export async function handleMessage(message: Message, context: DiscordContext): Promise<void> {
  if (message.author.bot || message.webhookId || message.system || !message.inGuild()) return;
  const requester = requesterFromMessage(message);
  if (!WATCHING.has(await context.watcher.modeFor(requester))) return;
  if (!context.contentIntent.hasContent(message)) return;

  const decision = await context.watcher.consider(chatMessageOf(message), requester);
  if (!decision) return;
  if (decision.mode === 'moderators') await reportToModerators(message, decision, context);
  else await message.reply(renderMessage(decision.reply, { now: context.now(), content: discordMessages.watchReplyIntro }));
}

async function reportToModerators(message: Message<true>, decision: WatchDecision, context: DiscordContext): Promise<void> {
  const channelId = context.env.DISCORD_MODERATORS_CHANNEL;
  if (!channelId) {
    context.warnOnce(discordMessages.noModeratorsChannel);
    return;
  }
  const author = escapeText(message.member?.displayName ?? message.author.username);
  const report = renderMessage(decision.reply, {
    now: context.now(),
    content: discordMessages.moderatorReport(author, message.channelId, message.url),
  });
  await message.client.rest.post(Routes.channelMessages(channelId), { body: toRestBody(report) });
}
