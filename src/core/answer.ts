import { CONFIDENT_MATCH, type LookupOutcome } from './lookup.js';
import { messages } from './messages.js';
import type { Reply } from './reply.js';
import { requestFactcheckAction } from '../requests/request-action.js';

/** Turns a lookup into a reply: confident results are answers; anything weaker is only a suggestion. */
export function answerFromLookup(outcome: LookupOutcome): Reply {
  const confident = outcome.results.filter((result) => result.score >= CONFIDENT_MATCH);
  if (confident.length > 0) {
    return {
      kind: 'results',
      query: outcome.query,
      results: confident,
      ...(outcome.reason === 'url-words' ? { note: messages.urlWordsNote } : {}),
    };
  }
  return {
    kind: 'no-match',
    query: outcome.query,
    message: outcome.results.length > 0 ? messages.noConfidentMatch : messages.noMatchAtAll,
    suggestions: outcome.results,
    actions: [requestFactcheckAction(outcome.query)],
  };
}
