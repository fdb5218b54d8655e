import type { Env } from '../../../config/config.js';
import type { Core } from '../../../core/core.js';
import type { ChannelWatcher } from '../../../core/watch.js';
import type { RequestNotifications } from '../../../requests/request-notifications.js';

/** What every listener may use: the core (through dispatch), the watcher, Slack settings and a clock. */
export interface ListenerDeps {
  core: Core;
  watcher: ChannelWatcher;
  env: Pick<Env, 'SLACK_MODERATORS_CHANNEL' | 'SLACK_WATCH_ADMIN_GROUP' | 'FACTDESK_CURATOR_GROUPS'>;
  /** Delivers answered fact-check requests; drained after a command that may have answered some. */
  notifications: Pick<RequestNotifications, 'drain'>;
  now: () => Date;
}
