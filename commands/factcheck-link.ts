import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { answerFromLookup } from '../src/core/answer.js';
import { UserError } from '../src/core/errors.js';
import { messages } from '../src/core/messages.js';
import { queryTextSchema, resultLimitSchema } from '../src/core/query-input.js';
import { looksLikeUrl } from '../src/links/canonicalize-url.js';

export default defineCommand({
  name: 'factcheck-link',
  description: 'Check whether a link has been fact-checked',
  usage: 'factcheck-link <url>',
  textOption: 'url',
  options: z.object({
    url: queryTextSchema.describe('The link people are sharing'),
    limit: resultLimitSchema.describe('How many results to show (default 3)'),
  }),
  async handler({ url, limit }, { lookup, requester }) {
    if (!looksLikeUrl(url)) throw new UserError('invalid-url', messages.invalidUrl(url.slice(0, 100)));
    return answerFromLookup(await lookup.lookupUrl(url, { limit, scope: requester.scope }));
  },
});
