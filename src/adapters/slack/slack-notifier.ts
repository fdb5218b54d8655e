import type { webApi } from '@slack/bolt';
import type { ChannelWatcher } from '../../core/watch.js';
import { logger } from '../../log/logger.js';
import type { Notifier } from '../../requests/notifier.js';
import { sendDirectMessage } from './direct-message.js';
import { fitBlocks, section, type SlackMessage } from './render/blocks.js';
import { isSlackId, renderReply } from './render/render-reply.js';
import { slackMessages } from './slack-messages.js';

/**
 * Tells people that the fact-check they asked for is out: in the channel where they asked,
 * mentioning them (ids from the store, checked to be Slack user ids, so nothing else can ping), or
 * in a direct message to each when there is no channel, the channel's watch mode is `off` (factdesk
 * posts nothing public there), or the bot cannot post in it.
 */
export function slackNotifier(client: webApi.WebClient, watcher: Pick<ChannelWatcher, 'modeFor'>, now: () => Date): Notifier {
  return {
    async notify(target, reply) {
      const userIds = target.userIds.filter(isSlackId);
      const card = renderReply(reply, { now: now(), echoQuery: false });
      const channelId = target.channelId;
      if (channelId && (await watcher.modeFor({ platform: 'slack', scope: target.scope, channelId })) !== 'off') {
        const mentions = userIds.map((id) => `<@${id}>`).join(' ');
        const message = mentions ? withLead(card, slackMessages.requestAnswered(mentions)) : card;
        try {
          await client.chat.postMessage({ channel: channelId, ...message, unfurl_links: false, unfurl_media: false });
          return;
        } catch (error) {
          if (userIds.length === 0) throw error;
          logger.warn({ err: error, channel: channelId }, 'could not post a request notification in its channel; sending it directly');
        }
      }
      if (userIds.length === 0) throw new Error('a request notification has no channel and nobody to message');
      const direct = withLead(card, slackMessages.requestAnsweredDirect);
      for (const userId of userIds) await sendDirectMessage(client, userId, direct);
    },
  };
}

/** A line of our own above the card; it leads the notification text too, so the ping says why. */
function withLead(card: SlackMessage, lead: string): SlackMessage {
  return { text: `${lead} ${card.text}`, blocks: fitBlocks([section(lead), ...card.blocks]) };
}
