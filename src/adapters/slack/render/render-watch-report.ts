import type { Reply } from '../../../core/reply.js';
import { slackMessages } from '../slack-messages.js';
import { safeLinkTarget } from '../escape.js';
import { context, fitBlocks, type SlackMessage } from './blocks.js';
import { isSlackId, renderReply } from './render-reply.js';

/** Where a watched message was seen, for the moderators' channel. Ids come from Slack, not from users. */
export interface SeenMessage {
  channelId: string;
  userId?: string;
  permalink?: string;
}

/** The card a watched channel's match sends to moderators: where it was seen, then the answer. */
export function renderWatchReport(reply: Extract<Reply, { kind: 'results' }>, seen: SeenMessage, now?: Date): SlackMessage {
  const card = renderReply(reply, { now, echoQuery: false, wrongMatch: true });
  const channel = /^[CG][A-Z0-9]+$/.test(seen.channelId) ? `<#${seen.channelId}>` : 'a watched channel';
  const user = seen.userId && isSlackId(seen.userId) ? `<@${seen.userId}>` : 'someone';
  const permalink = safeLinkTarget(seen.permalink);
  const where = slackMessages.reportSeenIn(channel, user) + (permalink ? ` · <${permalink}|${slackMessages.viewMessage}>` : '');
  return { text: `${slackMessages.reportSeenIn(channel, user)}: ${card.text}`, blocks: fitBlocks([context(where), ...card.blocks]) };
}
