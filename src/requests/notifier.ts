import type { Requester } from '../core/command.js';
import type { Reply } from '../core/reply.js';

/** Where a notification goes: the channel people asked in, and who asked there. */
export interface NotificationTarget {
  platform: Requester['platform'];
  /** `slack:<team>`, `discord:<guild>`, `console`. */
  scope: string;
  /** The channel they asked in; absent when they asked outside one (then tell each person directly). */
  channelId?: string;
  /** The people to mention or message, platform user ids. */
  userIds: string[];
}

/**
 * Delivers a reply to people who are not waiting for it: those who asked for a fact-check that
 * has now been published. Each adapter implements it for its platform (the console prints it;
 * Slack posts in the channel mentioning the askers, or messages them; Discord likewise).
 * Reject when delivery failed: the notification stays pending and is retried.
 */
export interface Notifier {
  notify(target: NotificationTarget, reply: Reply): Promise<void>;
}
