import { foldText } from '../ingest/fold-text.js';
import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import type { LookupRecord } from '../model/store-data.js';
import { VERDICTS, type Verdict } from '../model/verdict.js';

/** The window "this week" covers. */
export const STATS_WINDOW_DAYS = 7;
const TOP = 5;

export interface StoreStats {
  claims: number;
  articles: number;
  byVerdict: Record<Verdict, number>;
  lookups: { total: number; confident: number; unanswered: number };
  /** Fact-checks most often given as a confident answer in the window, most first. */
  topClaims: { id: string; claim?: ClaimReview; count: number }[];
  /** Questions asked most often without a confident answer, as first typed, most first. */
  topUnanswered: { query: string; count: number }[];
  openRequests: number;
}

/** Counts for `factcheck-stats` from the store's entries, the window's lookups and the open requests. */
export function computeStats(input: {
  claims: readonly ClaimReview[];
  articles: readonly Article[];
  lookups: readonly LookupRecord[];
  openRequests: number;
}): StoreStats {
  const byVerdict = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const claim of input.claims) byVerdict[claim.verdict]++;

  const answers = new Map<string, number>();
  const unanswered = new Map<string, { query: string; count: number }>();
  let confident = 0;
  for (const record of input.lookups) {
    if (record.confident) {
      confident++;
      const top = record.resultIds[0];
      if (top) answers.set(top, (answers.get(top) ?? 0) + 1);
    } else {
      const key = foldText(record.query) || record.query;
      const entry = unanswered.get(key) ?? { query: record.query, count: 0 };
      entry.count++;
      unanswered.set(key, entry);
    }
  }
  const claimsById = new Map(input.claims.map((claim) => [claim.id, claim] as const));
  return {
    claims: input.claims.length,
    articles: input.articles.length,
    byVerdict,
    lookups: { total: input.lookups.length, confident, unanswered: input.lookups.length - confident },
    topClaims: [...answers]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([id, count]) => ({ id, claim: claimsById.get(id), count })),
    topUnanswered: [...unanswered.values()].sort((a, b) => b.count - a.count).slice(0, TOP),
    openRequests: input.openRequests,
  };
}
