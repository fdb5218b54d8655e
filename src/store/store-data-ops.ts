import { FaultError } from '../core/errors.js';
import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import {
  channelSettingSchema,
  matchFeedbackSchema,
  storeDataSchema,
  type ChannelSetting,
  type MatchFeedback,
  type StoreData,
} from '../model/store-data.js';
import { describeFirstIssue } from './describe-issue.js';
import type { UpsertResult } from './store.js';

// Pure changes to a StoreData value, shared by every backend so they behave alike.

const entriesSchema = storeDataSchema.pick({ claims: true, articles: true });

export interface Entries {
  claims?: readonly ClaimReview[];
  articles?: readonly Article[];
}

/**
 * Checks incoming claims and articles before anything is written, naming the first bad one by
 * its place in the input (`claims[2] (id "x"): ...`); `refuse` words the error for the store.
 * Within one call the last entry with a given id wins.
 */
export function validateEntries(
  entries: Entries,
  refuse: (problem: string) => string,
): { claims: ClaimReview[]; articles: Article[] } {
  const input = { claims: entries.claims ?? [], articles: entries.articles ?? [] };
  const parsed = entriesSchema.safeParse(input);
  if (!parsed.success) throw new FaultError(refuse(describeFirstIssue(parsed.error, input)));
  return { claims: dedupeById(parsed.data.claims), articles: dedupeById(parsed.data.articles) };
}

export function validateFeedback(feedback: MatchFeedback, refuse: (problem: string) => string): MatchFeedback {
  const parsed = matchFeedbackSchema.safeParse(feedback);
  if (!parsed.success) throw new FaultError(refuse(`feedback: ${describeFirstIssue(parsed.error, feedback)}`));
  return parsed.data;
}

export function validateChannelSetting(setting: ChannelSetting, refuse: (problem: string) => string): ChannelSetting {
  const parsed = channelSettingSchema.safeParse(setting);
  if (!parsed.success) throw new FaultError(refuse(`channel setting: ${describeFirstIssue(parsed.error, setting)}`));
  return parsed.data;
}

/** Last one wins, kept at the place of the first (a Map keeps the first insertion's position). */
export function dedupeById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item] as const)).values()];
}

/** Validated entries merged into the data: replaced in place by id, new ones appended. */
export function withUpserted(
  data: StoreData,
  entries: { claims: ClaimReview[]; articles: Article[] },
): { data: StoreData; result: UpsertResult } {
  const claims = upsertById(data.claims, entries.claims);
  const articles = upsertById(data.articles, entries.articles);
  return {
    data: { ...data, claims: claims.items, articles: articles.items },
    result: { added: claims.added + articles.added, updated: claims.updated + articles.updated },
  };
}

function upsertById<T extends { id: string }>(existing: readonly T[], incoming: readonly T[]) {
  const byId = new Map(existing.map((item) => [item.id, item] as const));
  let added = 0;
  for (const item of incoming) {
    if (!byId.has(item.id)) added++;
    byId.set(item.id, item);
  }
  return { items: [...byId.values()], added, updated: incoming.length - added };
}

/** The same scope, query and result count as one judgement: the latest replaces the earlier. */
export function sameFeedback(a: MatchFeedback, b: MatchFeedback): boolean {
  return a.scope === b.scope && a.query === b.query && a.resultId === b.resultId;
}

export function withFeedback(data: StoreData, feedback: MatchFeedback): StoreData {
  const exists = data.feedback.some((item) => sameFeedback(item, feedback));
  const all = exists
    ? data.feedback.map((item) => (sameFeedback(item, feedback) ? feedback : item))
    : [...data.feedback, feedback];
  return { ...data, feedback: all };
}

export function withChannelSetting(data: StoreData, setting: ChannelSetting): StoreData {
  const exists = data.channelSettings.some((item) => item.channelKey === setting.channelKey);
  const channelSettings = exists
    ? data.channelSettings.map((item) => (item.channelKey === setting.channelKey ? setting : item))
    : [...data.channelSettings, setting];
  return { ...data, channelSettings };
}
