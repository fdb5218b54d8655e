import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Slack's replay window: a signed request is only good within five minutes of its timestamp. */
export const MAX_REQUEST_SKEW_SECONDS = 5 * 60;

/** True when the `X-Slack-Request-Timestamp` header is a number of seconds within the window, either way. */
export function isFreshTimestamp(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== 'string' || !/^\d+$/.test(header.trim())) return false;
  const skew = Math.abs(Math.floor(nowMs / 1000) - Number(header));
  return skew <= MAX_REQUEST_SKEW_SECONDS;
}

/**
 * Wraps a receiver's request listener so that requests to the Slack endpoints whose timestamp is
 * missing, stale or more than five minutes in the future get 401 before any parsing or handler.
 * Bolt 5 verifies the signature and rejects stale requests, but accepts any future timestamp, which
 * would let a captured request be replayed until that time comes.
 */
export function rejectUntimelyRequests(
  listener: RequestListener,
  options: { endpoints: readonly string[]; now?: () => number; onReject?: (request: IncomingMessage) => void },
): RequestListener {
  const endpoints = new Set(options.endpoints);
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const guarded = request.method?.toUpperCase() === 'POST' && endpoints.has(path);
    if (guarded && !isFreshTimestamp(request.headers['x-slack-request-timestamp'], (options.now ?? Date.now)())) {
      options.onReject?.(request);
      request.resume();
      response.writeHead(401).end();
      return;
    }
    listener(request, response);
  };
}
