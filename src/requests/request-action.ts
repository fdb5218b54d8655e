import type { ReplyAction } from '../core/reply.js';
import { MAX_REQUEST_TEXT } from './record-request.js';
import { requestMessages } from './request-messages.js';

/** The command a "Request a fact-check" action dispatches. */
export const REQUEST_COMMAND = 'factcheck-request';

/** "Request a fact-check" for a query that found no confident match; dispatches `factcheck-request`. */
export function requestFactcheckAction(query: string): ReplyAction {
  return {
    kind: 'request-factcheck',
    label: requestMessages.requestAction,
    command: REQUEST_COMMAND,
    options: { text: query.trim().slice(0, MAX_REQUEST_TEXT) },
  };
}
