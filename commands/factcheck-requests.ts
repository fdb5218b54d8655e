import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { renderOpenRequests } from '../src/requests/render-requests.js';
import { requestMessages } from '../src/requests/request-messages.js';

export default defineCommand({
  name: 'factcheck-requests',
  description: 'Staff: list the open fact-check requests, most asked first',
  usage: 'factcheck-requests [how many]',
  textOption: 'limit',
  options: z.object({
    // Typed after the command in Slack and the console, where nothing typed arrives as "".
    limit: z
      .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.coerce.number().int().min(1).max(50).optional())
      .describe('How many to list (default 10, at most 50)'),
  }),
  async handler({ limit }, { store, requester }) {
    if (!requester.permissions?.curate) throw new UserError('forbidden', requestMessages.staffOnly('factcheck-requests'));
    const open = await store.listRequests({ status: 'open' });
    if (open.length === 0) return { kind: 'notice', tone: 'info', text: requestMessages.noOpenRequests };
    return { kind: 'notice', tone: 'info', text: renderOpenRequests(open, limit ?? 10) };
  },
});
