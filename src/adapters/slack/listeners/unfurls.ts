import type { App, types } from '@slack/bolt';
import { logger } from '../../../log/logger.js';
import { requesterFrom } from '../parse/requests.js';
import { renderUnfurl } from '../render/render-unfurl.js';
import type { ListenerDeps } from './deps.js';

/** Slack sends at most a handful of links per message; more than this is not worth a card each. */
const MAX_UNFURLS = 5;

/**
 * `link_shared` (only for the manifest's `unfurl_domains`): links that are themselves a
 * fact-check or a place the claim circulated get a verdict card through `chat.unfurl`. Text
 * matches on the link's words are too weak to attach to someone's message, so only exact links count.
 */
export function registerUnfurls(app: App, deps: ListenerDeps): void {
  app.event('link_shared', async ({ event, body, client }) => {
    const requester = requesterFrom({ teamId: body.team_id, userId: event.user, channelId: event.channel });
    // `off` means factdesk never adds anything public to that channel.
    if (event.channel !== 'COMPOSER' && (await deps.watcher.modeFor(requester)) === 'off') return;

    const unfurls: types.LinkUnfurls = {};
    for (const link of event.links.slice(0, MAX_UNFURLS)) {
      const url = link.url.replace(/&amp;/g, '&');
      const reply = await deps.core.dispatch('factcheck-link', { url, limit: 1 }, requester);
      const top = reply.kind === 'results' ? reply.results[0] : undefined;
      if (top?.reason === 'url') unfurls[link.url] = renderUnfurl(top, deps.now());
    }
    if (Object.keys(unfurls).length === 0) return;

    const target = event.unfurl_id && event.source
      ? { unfurl_id: event.unfurl_id, source: event.source as 'composer' | 'conversations_history' }
      : { channel: event.channel, ts: event.message_ts };
    try {
      await client.chat.unfurl({ ...target, unfurls });
    } catch (error) {
      logger.warn({ err: error }, 'slack unfurl failed');
    }
  });
}
