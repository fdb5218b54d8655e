import { defineCommand } from '../src/core/command.js';
import { CONFIDENT_MATCH } from '../src/core/lookup.js';
import { queryTextSchema } from '../src/core/query-input.js';
import { z } from 'zod';
import { recordRequest } from '../src/requests/record-request.js';
import { REQUEST_COMMAND } from '../src/requests/request-action.js';
import { requestMessages } from '../src/requests/request-messages.js';

/**
 * What the "Request a fact-check" action of a no-match reply dispatches (and what anyone may type):
 * records the request, or adds the asker to an open one. Checked once more first, in case a
 * fact-check appeared since.
 */
export default defineCommand({
  name: REQUEST_COMMAND,
  description: 'Ask the fact-check desk to check a claim or link that nobody has checked yet',
  usage: `${REQUEST_COMMAND} <claim or link>`,
  textOption: 'text',
  options: z.object({
    text: queryTextSchema.describe('The claim or link you want checked'),
  }),
  async handler({ text }, { lookup, store, requester }) {
    const outcome = await lookup.lookup(text, { scope: requester.scope, record: false });
    const confident = outcome.results.filter((result) => result.score >= CONFIDENT_MATCH);
    if (confident.length > 0) return { kind: 'results', query: text, results: confident, note: requestMessages.alreadyChecked };

    const { request, newAsker } = await recordRequest(store, text, requester);
    const people = request.askers.length;
    return {
      kind: 'notice',
      tone: 'info',
      text: newAsker ? requestMessages.recorded(request.text, people) : requestMessages.alreadyAsked(request.text, people),
    };
  },
});
