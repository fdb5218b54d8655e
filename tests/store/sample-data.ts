import type { z } from 'zod';
import { articleSchema, type Article, type ArticleInput } from '../../src/model/article.js';
import { claimReviewSchema, type ClaimReview, type ClaimReviewInput } from '../../src/model/claim-review.js';
import type { ChannelSetting, FactcheckRequest, LookupRecord, MatchFeedback, storeDataSchema } from '../../src/model/store-data.js';

// Minimal valid records, written here so the store tests depend on no shared data file.

export type StoreDataInput = z.input<typeof storeDataSchema>;

export function claim(id: string, overrides: Partial<ClaimReviewInput> = {}): ClaimReview {
  return claimReviewSchema.parse({
    id,
    claim: `Claim ${id} was said somewhere`,
    verdict: 'false',
    rating: 'False',
    reviewer: { name: 'Example Checks', url: 'https://checks.example.org' },
    reviewUrl: `https://checks.example.org/${id}`,
    reviewDate: '2024-03-01',
    ...overrides,
  });
}

export function article(id: string, overrides: Partial<ArticleInput> = {}): Article {
  return articleSchema.parse({
    id,
    url: `https://news.example.com/${id}`,
    title: `Article ${id}`,
    publisher: 'Example News',
    label: 'Fact-checked',
    ...overrides,
  });
}

export function feedback(scope: string, query: string, resultId: string, at = '2024-05-01T10:00:00Z'): MatchFeedback {
  return { scope, query, resultId, userId: 'U1', at };
}

export function channelSetting(channelKey: string, mode: ChannelSetting['mode']): ChannelSetting {
  return { channelKey, mode, updatedBy: 'U1', updatedAt: '2024-05-01T10:00:00Z' };
}

/** An open request asked once, in a Slack channel. */
export function request(id: string, overrides: Partial<FactcheckRequest> = {}): FactcheckRequest {
  return {
    id,
    text: `Is ${id} true?`,
    key: `is ${id} true`,
    links: [],
    status: 'open',
    askers: [{ platform: 'slack', scope: 'slack:T1', channelId: 'C1', userId: 'U1', at: '2024-05-01T10:00:00Z' }],
    firstAskedAt: '2024-05-01T10:00:00Z',
    lastAskedAt: '2024-05-01T10:00:00Z',
    ...overrides,
  };
}

export function lookupRecord(query: string, at: string, overrides: Partial<LookupRecord> = {}): LookupRecord {
  return { at, query, confident: true, resultIds: ['c1'], scope: 'slack:T1', ...overrides };
}

/** A small store every backend test starts from. */
export function sampleData(): StoreDataInput {
  return {
    version: 1,
    claims: [claim('c1'), claim('c2', { verdict: 'misleading', rating: 'Misleading' })],
    articles: [article('a1')],
  };
}

/** The same claim with a verdict the schema rejects, to check that writes refuse it. */
export function invalidClaim(id: string): ClaimReview {
  return { ...claim(id), verdict: 'pants-on-fire' as ClaimReview['verdict'] };
}

export const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
