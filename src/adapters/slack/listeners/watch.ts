import type { App, webApi } from '@slack/bolt';
import { logger } from '../../../log/logger.js';
import { chatMessageFrom, isWatchableMessage, requesterFrom, type SlackMessageFields } from '../parse/requests.js';
import { renderReply } from '../render/render-reply.js';
import { renderWatchReport } from '../render/render-watch-report.js';
import type { ListenerDeps } from './deps.js';

/**
 * Channel watch: in `thread` (or `reply`) mode a message that confidently matches a fact-check
 * rated other than true gets one threaded reply; in `moderators` mode the card goes to the
 * moderators' channel instead. The watcher decides (mode, confidence, cooldown); this only posts.
 */
export function registerWatch(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, body, client }) => {
    const message = event as SlackMessageFields & { channel: string };
    if (!isWatchableMessage(message) || !message.ts) return;
    const requester = requesterFrom({ teamId: body.team_id, userId: message.user, channelId: message.channel });
    const decision = await deps.watcher.consider(chatMessageFrom(message), requester);
    if (!decision) return;

    try {
      if (decision.mode === 'moderators') {
        const moderators = deps.env.SLACK_MODERATORS_CHANNEL;
        if (!moderators) {
          logger.warn({ channel: message.channel }, 'channel watch is "moderators" but SLACK_MODERATORS_CHANNEL is not set');
          return;
        }
        const permalink = await permalinkOf(client, message.channel, message.ts);
        const report = renderWatchReport(decision.reply, { channelId: message.channel, userId: message.user, permalink }, deps.now());
        await client.chat.postMessage({ channel: moderators, ...report, unfurl_links: false, unfurl_media: false });
        return;
      }
      const card = renderReply(decision.reply, { now: deps.now(), echoQuery: false, wrongMatch: true });
      await client.chat.postMessage({
        channel: message.channel,
        thread_ts: message.thread_ts ?? message.ts,
        ...card,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      logger.warn({ err: error, channel: message.channel, mode: decision.mode }, 'slack watch reply failed');
    }
  });
}

async function permalinkOf(client: webApi.WebClient, channel: string, ts: string): Promise<string | undefined> {
  try {
    return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink;
  } catch {
    return undefined;
  }
}
