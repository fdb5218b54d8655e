import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { logger } from '../../../log/logger.js';
import { decodeActionValue, decodeShareValue, decodeWrongMatchValue, INTERACTION_IDS, REPLY_ACTION_PATTERN } from '../interactions.js';
import { requesterFrom } from '../parse/requests.js';
import { renderReply } from '../render/render-reply.js';
import { slackMessages } from '../slack-messages.js';
import type { ListenerDeps } from './deps.js';
import { SHAREABLE_COMMANDS } from './share-offer.js';

/**
 * The buttons on factdesk's cards: open the fact-check, mark a wrong match, share in the channel,
 * and a reply's actions ("Request a fact-check").
 */
export function registerActions(app: App, deps: ListenerDeps): void {
  // A link button opens the page in the browser, but Slack still expects the click acknowledged.
  app.action(INTERACTION_IDS.openLink, async ({ ack }) => {
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(INTERACTION_IDS.wrongMatch, async ({ ack, action, body, respond }) => {
    await ack();
    const feedback = decodeWrongMatchValue(action.value);
    const teamId = body.team?.id ?? body.user.team_id;
    if (!feedback || !teamId) return notice(respond, slackMessages.wrongMatchExpired, 'error');
    await deps.core.lookup.recordWrongMatch({ scope: requesterFrom({ teamId }).scope, ...feedback, userId: body.user.id });
    return notice(respond, slackMessages.wrongMatchThanks);
  });

  // An action runs its command as whoever clicked, with no more permissions than typing it would give.
  app.action<BlockAction<ButtonAction>>(REPLY_ACTION_PATTERN, async ({ ack, action, body, respond }) => {
    await ack();
    const call = decodeActionValue(action.value);
    const teamId = body.team?.id ?? body.user.team_id;
    if (!call || !teamId) return notice(respond, slackMessages.actionExpired, 'error');
    const channelId = body.channel?.id ?? body.container?.channel_id;
    const requester = requesterFrom({ teamId, userId: body.user.id, channelId });
    const reply = await deps.core.dispatch(call.command, call.options, requester);
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderReply(reply, { now: deps.now(), wrongMatch: true }) });
  });

  app.action<BlockAction<ButtonAction>>(INTERACTION_IDS.share, async ({ ack, action, body, respond, client }) => {
    await ack();
    const request = decodeShareValue(action.value);
    const teamId = body.team?.id ?? body.user.team_id;
    const channelId = body.channel?.id;
    if (!request || !SHAREABLE_COMMANDS.has(request.command) || !teamId || !channelId) {
      return notice(respond, slackMessages.shareExpired, 'error');
    }
    const requester = requesterFrom({ teamId, userId: body.user.id, channelId });
    // The mode may have changed since the private answer was shown.
    if ((await deps.watcher.modeFor(requester)) === 'off') return notice(respond, slackMessages.shareOff);
    const reply = await deps.core.dispatch(request.command, request.options, requester);
    if (reply.kind !== 'results') return notice(respond, slackMessages.shareNoResults);
    const card = renderReply(reply, { now: deps.now(), sharedBy: body.user.id });
    try {
      await client.chat.postMessage({ channel: channelId, ...card, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      logger.warn({ err: error, channel: channelId }, 'slack share failed');
      return notice(respond, slackMessages.shareFailed, 'error');
    }
  });
}

async function notice(respond: RespondFn, text: string, tone: 'info' | 'error' = 'info'): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, ...renderReply({ kind: 'notice', tone, text }) });
}
