import type { App, MessageShortcut } from '@slack/bolt';
import { INTERACTION_IDS } from '../interactions.js';
import { chatMessageFrom, requesterFrom } from '../parse/requests.js';
import { renderReply } from '../render/render-reply.js';
import type { ListenerDeps } from './deps.js';
import { shareOffer } from './share-offer.js';

/** check-message accepts at most this many links from one message. */
const MAX_LINKS = 50;

/**
 * "Check this message": runs `check-message` on the message's text and links and answers
 * privately. A message with no text (a file, an image) gets the core's polite "nothing to check".
 */
export function registerShortcuts(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>(INTERACTION_IDS.checkMessageShortcut, async ({ ack, shortcut, respond }) => {
    await ack();
    const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? '';
    const requester = requesterFrom({ teamId, userId: shortcut.user.id, channelId: shortcut.channel.id });
    const message = chatMessageFrom(shortcut.message);
    const call = { command: 'check-message', options: { text: message.text, links: (message.links ?? []).slice(0, MAX_LINKS) } };
    const reply = await deps.core.dispatch(call.command, call.options, requester);
    const share = await shareOffer(deps, reply, call, requester);
    await respond({ response_type: 'ephemeral', ...renderReply(reply, { now: deps.now(), share, wrongMatch: true }) });
  });
}
