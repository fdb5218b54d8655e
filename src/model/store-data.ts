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

/** Where a person asked for a fact-check, so the answer can reach them there. */
export const requestAskerSchema = z.object({
  platform: z.enum(['console', 'slack', 'discord', 'cli']),
  scope: z.string().min(1),
  channelId: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
  at: isoDateSchema,
  /** When this person was told about the answer; absent while that is still to do. */
  notifiedAt: isoDateSchema.optional(),
  /** Failed delivery attempts; after a few, delivery to this asker is given up. */
  failures: z.number().int().nonnegative().optional(),
});
export type RequestAsker = z.infer<typeof requestAskerSchema>;

/** The fact-checks that answered a request, with how sure the match was (0..1). */
export const requestAnswerSchema = z.object({
  results: z.array(z.object({ id: z.string().min(1), score: z.number().min(0).max(1) })).min(1),
  at: isoDateSchema,
  /** What added the answer: an import from a file or a curator's `factcheck-add`. */
  via: z.enum(['import', 'factcheck-add']),
});
export type RequestAnswer = z.infer<typeof requestAnswerSchema>;

/**
 * "Please fact-check this": asked when a lookup found no confident match. The same text asked
 * again is the same request, with one more asker.
 */
export const factcheckRequestSchema = z.object({
  id: z.string().min(1),
  /** The text (or link) as first asked. */
  text: z.string().trim().min(1),
  /** The normalised text or canonical link that identifies "the same request". */
  key: z.string().min(1),
  links: z.array(z.string().min(1)).default([]),
  status: z.enum(['open', 'answered']),
  askers: z.array(requestAskerSchema).min(1),
  firstAskedAt: isoDateSchema,
  lastAskedAt: isoDateSchema,
  answer: requestAnswerSchema.optional(),
});
export type FactcheckRequest = z.infer<typeof factcheckRequestSchema>;

/** One lookup someone made, kept a few weeks for `factcheck-stats`. */
export const lookupRecordSchema = z.object({
  at: isoDateSchema,
  /** What was asked, shortened. */
  query: z.string().max(500),
  /** True when at least one result was confident enough to be an answer. */
  confident: z.boolean(),
  /** Best first: the confident results, or the suggestions when there were none. */
  resultIds: z.array(z.string().min(1)).max(5),
  scope: z.string().min(1).optional(),
});
export type LookupRecord = z.infer<typeof lookupRecordSchema>;

export const STORE_FORMAT_VERSION = 1;

/** Everything the embedded store file holds. Collections added later must default to empty. */
export const storeDataSchema = z.object({
  version: z.literal(STORE_FORMAT_VERSION).default(STORE_FORMAT_VERSION),
  note: z.string().optional(),
  claims: z.array(claimReviewSchema).default([]),
  articles: z.array(articleSchema).default([]),
  feedback: z.array(matchFeedbackSchema).default([]),
  channelSettings: z.array(channelSettingSchema).default([]),
  requests: z.array(factcheckRequestSchema).default([]),
  lookups: z.array(lookupRecordSchema).default([]),
});
export type StoreData = z.infer<typeof storeDataSchema>;
