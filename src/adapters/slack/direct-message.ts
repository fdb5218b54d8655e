import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './render/blocks.js';

/** Sends a message to one person in their conversation with the bot (needs the `im:write` scope). */
export async function sendDirectMessage(client: webApi.WebClient, userId: string, message: SlackMessage): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
}

/**
 * Posts to a response_url (a slash command's, usable five times within 30 minutes): the answer
 * appears privately where the command was typed. Rejects when Slack no longer accepts it.
 */
export async function postToResponseUrl(url: string, message: SlackMessage): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
}
