import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { checkMessage } from '../src/core/message-check.js';
import { MAX_QUERY_LENGTH } from '../src/core/lookup.js';

/** The most of a message that is read: four /factcheck queries' worth. */
const MAX_MESSAGE_LENGTH = MAX_QUERY_LENGTH * 4;

/** The text's first `max` UTF-16 units, never ending in half a surrogate pair. */
function clipToCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, end);
}

export default defineCommand({
  name: 'check-message',
  description: 'Check every link and claim in a chat message',
  usage: 'check-message <message text>',
  textOption: 'text',
  options: z.object({
    // A Slack message may be 40,000 characters: its beginning is checked (at most eight claims are anyway), not refused.
    text: z
      .string()
      .transform((text) => clipToCodePoints(text, MAX_MESSAGE_LENGTH))
      .describe('The whole message'),
    links: z.array(z.string()).max(50).optional().describe('Links the platform found in the message'),
  }),
  async handler({ text, links }, { lookup, requester }) {
    return checkMessage(lookup, { text, links }, { scope: requester.scope });
  },
});
