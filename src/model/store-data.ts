import { z } from 'zod';
import { articleSchema } from './article.js';
import { claimReviewSchema, isoDateSchema } from './claim-review.js';

/** "This result was the wrong answer to that query here": the claim stops being offered for it. */
export const matchFeedbackSchema = z.object({
  /** Platform scope, e.g. `slack:T0123` or `discord:123456`; the same query elsewhere is unaffected. */
  scope: z.string().min(1),
  /** The normalised query text the result was offered for. */
  query: z.string(),
  resultId: z.string().min(1),
  userId: z.string().min(1).optional(),
  at: isoDateSchema,
});
export type MatchFeedback = z.infer<typeof matchFeedbackSchema>;

export const watchModeSchema = z.enum(['off', 'commands', 'thread', 'reply', 'moderators']);
export type WatchMode = z.infer<typeof watchModeSchema>;

/** Per-channel behaviour of the watcher, keyed by `platform:workspace:channel`. */
export const channelSettingSchema = z.object({
  channelKey: z.string().min(1),
  mode: watchModeSchema,
  updatedBy: z.string().optional(),
  updatedAt: isoDateSchema,
});
export type ChannelSetting = z.infer<typeof channelSettingSchema>;

export const STORE_FORMAT_VERSION = 1;

/** Everything the embedded store file holds. Collections added later must default to empty. */
export const storeDataSchema = z.object({
  version: z.literal(STORE_FORMAT_VERSION).default(STORE_FORMAT_VERSION),
  note: z.string().optional(),
  claims: z.array(claimReviewSchema).default([]),
  articles: z.array(articleSchema).default([]),
  feedback: z.array(matchFeedbackSchema).default([]),
  channelSettings: z.array(channelSettingSchema).default([]),
});
export type StoreData = z.infer<typeof storeDataSchema>;
