import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { checkMessage } from '../src/core/message-check.js';
import { MAX_QUERY_LENGTH } from '../src/core/lookup.js';

export default defineCommand({
  name: 'check-message',
  description: 'Check every link and claim in a chat message',
  usage: 'check-message <message text>',
  textOption: 'text',
  options: z.object({
    text: z.string().max(MAX_QUERY_LENGTH * 4).describe('The whole message'),
    links: z.array(z.string()).max(50).optional().describe('Links the platform found in the message'),
  }),
  async handler({ text, links }, { lookup, requester }) {
    return checkMessage(lookup, { text, links }, { scope: requester.scope });
  },
});
