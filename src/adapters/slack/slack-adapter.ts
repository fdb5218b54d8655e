import type { AddressInfo } from 'node:net';
import { App, type Receiver } from '@slack/bolt';
import type { Adapter } from '../adapter.js';
import type { Env } from '../../config/config.js';
import type { Core } from '../../core/core.js';
import { FaultError } from '../../core/errors.js';
import type { ChannelWatcher } from '../../core/watch.js';
import { RequestNotifications } from '../../requests/request-notifications.js';
import { boltLogger } from './bolt-logger.js';
import { registerListeners } from './listeners/index.js';
import { httpReceiver, socketModeReceiver } from './receiver.js';
import { slackNotifier } from './slack-notifier.js';

export interface SlackAdapterDeps {
  core: Core;
  env: Env;
  watcher: ChannelWatcher;
  /** Served as JSON at `GET /healthz` in HTTP mode. */
  health?: () => Promise<object>;
  /** Interface to listen on in HTTP mode (default: all); tests use the loopback. */
  host?: string;
  /** Clock for staleness notes (tests pin it). */
  now?: () => Date;
}

/** The Slack adapter, plus where it listens once started (HTTP mode). */
export interface SlackAdapter extends Adapter {
  readonly mode: 'http' | 'socket';
  /** The bound port in HTTP mode after `start()` (useful with PORT=0). */
  readonly port: number | undefined;
}

/**
 * The Slack app on Bolt: Socket Mode when `SLACK_APP_TOKEN` is set, otherwise HTTP on `PORT`
 * (`POST /slack/events`, verified with `SLACK_SIGNING_SECRET`). `SLACK_API_URL` points the Web API
 * elsewhere (tests use a local fake).
 */
export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { env } = deps;
  if (!env.SLACK_BOT_TOKEN) throw new FaultError('Slack needs SLACK_BOT_TOKEN (the bot token, xoxb-…).');
  const mode = env.SLACK_APP_TOKEN ? 'socket' : 'http';
  if (mode === 'http' && !env.SLACK_SIGNING_SECRET) {
    throw new FaultError('Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode).');
  }
  const logger = boltLogger();
  const health = deps.health ?? (async () => ({ ok: true }));
  const slackApiUrl = env.SLACK_API_URL ? withTrailingSlash(env.SLACK_API_URL) : undefined;
  const receiver: Receiver = env.SLACK_APP_TOKEN
    ? socketModeReceiver({ appToken: env.SLACK_APP_TOKEN, logger, slackApiUrl })
    : httpReceiver({ signingSecret: env.SLACK_SIGNING_SECRET!, port: env.PORT, health, logger });

  const app = new App({
    token: env.SLACK_BOT_TOKEN,
    receiver,
    logger,
    clientOptions: slackApiUrl ? { slackApiUrl } : {},
    // No conversation store: factdesk keeps no per-conversation state in Bolt.
    convoStore: false,
    // auth.test then runs in start(), where a bad token is a clear startup error.
    deferInitialization: true,
  });
  app.error(async (error) => {
    logger.error(`listener failed: ${error.message}`);
  });
  const now = deps.now ?? (() => new Date());
  // People who asked for a fact-check on Slack are told here when it is published.
  const notifications = new RequestNotifications({
    store: deps.core.store,
    lookup: deps.core.lookup,
    platform: 'slack',
    notifier: slackNotifier(app.client, deps.watcher, now),
  });
  registerListeners(app, { core: deps.core, watcher: deps.watcher, env, notifications, now });

  let started = false;
  let port: number | undefined;
  return {
    name: 'slack',
    mode,
    get port() {
      return port;
    },
    async start() {
      if (started) return;
      await app.init();
      if (mode === 'http') {
        const server = await app.start({ port: env.PORT, ...(deps.host ? { host: deps.host } : {}) });
        port = (server.address() as AddressInfo).port;
      } else {
        await app.start();
      }
      started = true;
      notifications.start();
    },
    async stop() {
      if (!started) return;
      started = false;
      notifications.stop();
      await app.stop();
    },
  };
}

/** The Web API client joins method names onto the base URL, so it must end with a slash. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
