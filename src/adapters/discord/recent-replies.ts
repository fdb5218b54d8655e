import { randomBytes } from 'node:crypto';
import type { Reply } from '../../core/reply.js';

type ResultsReply = Extract<Reply, { kind: 'results' }>;

const DEFAULT_CAPACITY = 2000;

/**
 * Replies that carry buttons, kept so a click can find the query and results it refers to:
 * a custom_id holds only 100 characters, a query up to 4,000. Oldest are forgotten first;
 * after a restart buttons on older replies say they have expired. Anything else a component
 * refers to (a reply's actions, a form's options) is kept the same way.
 */
export class RecentReplies<T = ResultsReply> {
  private readonly replies = new Map<string, T>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** Stores the reply and returns its short key (10 URL-safe characters). */
  remember(reply: T): string {
    const key = randomBytes(8).toString('base64url').slice(0, 10);
    this.replies.set(key, reply);
    while (this.replies.size > this.capacity) this.replies.delete(this.replies.keys().next().value!);
    return key;
  }

  recall(key: string): T | undefined {
    return this.replies.get(key);
  }
}
