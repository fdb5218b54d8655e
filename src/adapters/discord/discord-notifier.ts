import { Routes, type REST } from 'discord.js';
import type { ChannelWatcher } from '../../core/watch.js';
import { logger } from '../../log/logger.js';
import type { Notifier } from '../../requests/notifier.js';
import { discordMessages } from './discord-messages.js';
import { DISCORD_LIMITS } from './limits.js';
import { renderMessage, toRestBody } from './render-message.js';

/** Discord user ids are snowflakes; anything else is never put in mention markup. */
const SNOWFLAKE = /^\d{17,20}$/;

/**
 * Tells people that the fact-check they asked for is out: in the channel where they asked,
 * mentioning them and allowing exactly those mentions (never @everyone, @here or roles), or in a
 * direct message to each when there is no channel, the channel's watch mode is `off`, or the bot
 * cannot post there.
 */
export function discordNotifier(rest: REST, watcher: Pick<ChannelWatcher, 'modeFor'>, now: () => Date): Notifier {
  return {
    async notify(target, reply) {
      const userIds = target.userIds.filter((id) => SNOWFLAKE.test(id)).slice(0, DISCORD_LIMITS.mentionedUsers);
      const card = toRestBody(renderMessage(reply, { now: now() }));
      const channelId = target.channelId;
      if (channelId && (await watcher.modeFor({ platform: 'discord', scope: target.scope, channelId })) !== 'off') {
        const mentions = userIds.map((id) => `<@${id}>`).join(' ');
        const body = {
          ...card,
          content: mentions ? discordMessages.requestAnswered(mentions) : discordMessages.requestAnsweredDirect,
          allowed_mentions: { parse: [], users: userIds },
        };
        try {
          await rest.post(Routes.channelMessages(channelId), { body });
          return;
        } catch (error) {
          if (userIds.length === 0) throw error;
          logger.warn({ err: error, channel: channelId }, 'could not post a request notification in its channel; sending it directly');
        }
      }
      if (userIds.length === 0) throw new Error('a request notification has no channel and nobody to message');
      for (const userId of userIds) {
        const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
        await rest.post(Routes.channelMessages(dm.id), { body: { ...card, content: discordMessages.requestAnsweredDirect } });
      }
    },
  };
}
