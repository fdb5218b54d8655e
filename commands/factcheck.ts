import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { answerFromLookup } from '../src/core/answer.js';
import { queryTextSchema, resultLimitSchema } from '../src/core/query-input.js';

export default defineCommand({
  name: 'factcheck',
  description: 'Look up a claim or a link in the fact-check store',
  usage: 'factcheck <claim or link>',
  textOption: 'query',
  options: z.object({
    query: queryTextSchema.describe('The claim in a few words, or a link'),
    limit: resultLimitSchema.describe('How many results to show (default 3)'),
  }),
  async handler({ query, limit }, { lookup, requester }) {
    return answerFromLookup(await lookup.lookup(query, { limit, scope: requester.scope }));
  },
});
