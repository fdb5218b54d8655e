import type { Core } from '../../core/core.js';
import type { ReplyAction } from '../../core/reply.js';
import type { ChannelWatcher } from '../../core/watch.js';
import type { Env } from '../../config/config.js';
import type { ClaimSuggester } from './claim-suggester.js';
import type { ContentIntent } from './content-intent.js';
import type { RecentReplies } from './recent-replies.js';

/** What every Discord handler works with: the core, settings, and the adapter's own small state. */
export interface DiscordContext {
  core: Core;
  env: Env;
  watcher: ChannelWatcher;
  replies: RecentReplies;
  /** The actions offered under no-match replies ("Request a fact-check"), for their buttons. */
  offers: RecentReplies<readonly ReplyAction[]>;
  /** What was given with a form command (`/factcheck-add claim:…`), until its modal is submitted. */
  forms: RecentReplies<{ command: string; options: Record<string, unknown> }>;
  /** Delivers answered fact-check requests now (after a command that may have answered some). */
  drainNotifications(): Promise<void>;
  suggester: ClaimSuggester;
  contentIntent: ContentIntent;
  /** Answer directly if the reply is ready within this time, else defer first; 0 always defers. */
  deferAfterMs: number;
  now: () => Date;
  /** Logs a warning the first time only: a misconfiguration should not flood the log on every message. */
  warnOnce(message: string): void;
}
