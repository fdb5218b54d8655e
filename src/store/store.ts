import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import type { ChannelSetting, MatchFeedback } from '../model/store-data.js';

/** How many entries one write added and how many it replaced (same id). */
export interface UpsertResult {
  added: number;
  updated: number;
}

/**
 * Where fact-checks live. The embedded default is a lowdb JSON file; PostgreSQL serves
 * deployments that outgrow one process. Every write is validated before it is made and is
 * atomic: it happens whole or not at all.
 */
export interface Store {
  /** Where the data lives, for logs and error messages (`JSON file data/store.json`). */
  readonly description: string;

  listClaims(): Promise<readonly ClaimReview[]>;
  listArticles(): Promise<readonly Article[]>;
  /** Adds or replaces (by id) claims and articles in one atomic write. */
  upsert(entries: { claims?: readonly ClaimReview[]; articles?: readonly Article[] }): Promise<UpsertResult>;

  /** Feedback recorded in one scope (a Slack workspace, a Discord guild, the console). */
  listFeedback(scope: string): Promise<readonly MatchFeedback[]>;
  addFeedback(feedback: MatchFeedback): Promise<void>;

  getChannelSetting(channelKey: string): Promise<ChannelSetting | undefined>;
  setChannelSetting(setting: ChannelSetting): Promise<void>;

  /** Releases locks and connections; the store is unusable afterwards. */
  close(): Promise<void>;
}
