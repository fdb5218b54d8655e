import type { ServerResponse } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import { logger } from '../../log/logger.js';
import { rejectUntimelyRequests } from './request-freshness.js';

/** Where Slack posts events, commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

/**
 * HTTP mode: Bolt's receiver (signature check) behind a guard that also rejects requests
 * timestamped in the future, plus `GET /healthz` on the same port.
 */
export function httpReceiver(options: {
  signingSecret: string;
  port: number;
  health: () => Promise<object>;
  logger: BoltLogger;
}): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    port: options.port,
    logger: options.logger,
    customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: (_request, response) => void sendHealth(response, options.health) }],
  });
  receiver.requestListener = rejectUntimelyRequests(receiver.requestListener, {
    endpoints: [SLACK_EVENTS_PATH],
    onReject: () => logger.warn({ adapter: 'slack' }, 'rejected a Slack request with a missing or out-of-window timestamp'),
  });
  return receiver;
}

/**
 * Socket Mode: no public endpoint; the app dials Slack (`apps.connections.open` with the app token
 * at `slackApiUrl`, default slack.com). Health is served by the app's own server.
 */
export function socketModeReceiver(options: { appToken: string; logger: BoltLogger; slackApiUrl?: string }): Receiver {
  return new SocketModeReceiver({
    appToken: options.appToken,
    logger: options.logger,
    // A receiver given to App does not inherit App's clientOptions; this is the only way in.
    installerOptions: options.slackApiUrl ? { clientOptions: { slackApiUrl: options.slackApiUrl } } : {},
  });
}

async function sendHealth(response: ServerResponse, health: () => Promise<object>): Promise<void> {
  let status = 200;
  let body: object;
  try {
    body = await health();
  } catch (error) {
    logger.error({ err: error }, 'health check failed');
    status = 503;
    body = { ok: false };
  }
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
