import type { ClaimReview } from '../model/claim-review.js';
import { VERDICTS, type Verdict } from '../model/verdict.js';
import type { MergeOutcome } from './merge-plan.js';
import type { ImportIssue, KnownFormat, Located } from './types.js';

/** What an import did (or, in a dry run, would do); the CLI prints it, `--json` emits it as is. */
export interface ImportSummary {
  file: string;
  format: KnownFormat;
  dryRun: boolean;
  /** True when the store was changed. */
  written: boolean;
  /** Records found in the source, valid or not. */
  records: number;
  /** Records with problems; `issues` lists them. */
  invalid: number;
  /** Invalid records left out because `--skip-invalid` was given. */
  skipped: number;
  issues: ImportIssue[];
  /** What became of the valid records: these add up to `records - invalid`. */
  outcomes: Record<MergeOutcome, number>;
  /** Verdicts and languages of the claims written (added or updated); each adds up to that count. */
  claimsWritten: number;
  byVerdict: Record<Verdict, number>;
  byLanguage: Record<string, number>;
  /** Rating texts the verdict table does not know (stored as `other`), most frequent first. */
  unknownRatings: { rating: string; count: number }[];
  /** Valid records without any rating (stored as `other`, "Not rated"). */
  notRated: number;
  /** Valid records naming no reviewer and having no review URL to tell one from. */
  unnamedReviewer: number;
  warnings: string[];
  /** Open requests this import answered (their askers are notified by the running bot). */
  answeredRequests: number;
  durationMs: number;
}

export function countByVerdict(claims: readonly ClaimReview[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const claim of claims) counts[claim.verdict]++;
  return counts;
}

export function countByLanguage(claims: readonly ClaimReview[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const claim of claims) counts[claim.language] = (counts[claim.language] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}

export function unknownRatings(claims: readonly Located<ClaimReview>[]): { rating: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const claim of claims) if (claim.unknownRating) counts.set(claim.unknownRating, (counts.get(claim.unknownRating) ?? 0) + 1);
  return [...counts].map(([rating, count]) => ({ rating, count })).sort((a, b) => b.count - a.count);
}
