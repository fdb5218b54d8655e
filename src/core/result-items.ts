import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import type { Verdict } from '../model/verdict.js';
import type { MatchReason, ResultItem } from './reply.js';

/** A score as results show it: within 0..1, to three decimals. */
function rounded(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** A stored claim as a lookup result: its verdict, who checked it (and where), when, and why. */
export function claimResult(claim: ClaimReview, score: number, reason: MatchReason): ResultItem {
  return {
    id: claim.id,
    kind: 'claim',
    title: claim.claim,
    verdict: claim.verdict,
    rating: claim.rating,
    source: { name: claim.reviewer.name, url: claim.reviewUrl ?? claim.reviewer.url },
    date: claim.reviewDate,
    context: claim.summary,
    claimant: claim.claimant,
    language: claim.language,
    score: rounded(score),
    matchedBy: reason === 'url' ? 'url' : 'text',
    reason,
    sample: claim.sample,
  };
}

/** An article as a lookup result, with the verdict of the claim it makes and whom it credits. */
export function articleResult(article: Article, verdict: Verdict, score: number, reason: MatchReason): ResultItem {
  const credited = article.attribution.map((credit) => credit.name);
  return {
    id: article.id,
    kind: 'article',
    title: article.title,
    verdict,
    rating: article.label ?? 'No label',
    source: {
      name: credited.length > 0 ? `${article.publisher}, citing ${credited.join(' and ')}` : article.publisher,
      url: article.url,
    },
    date: article.publishedDate,
    context: article.context ?? article.summary,
    language: article.language,
    score: rounded(score),
    matchedBy: reason === 'url' ? 'url' : 'text',
    reason,
    sample: article.sample,
  };
}

/** An article's verdict is that of the main claim it makes (its first covered claim that is stored). */
export function articleVerdict(article: Article, claims: ReadonlyMap<string, ClaimReview>): Verdict {
  const main = article.claimIds.map((claimId) => claims.get(claimId)).find(Boolean);
  return main?.verdict ?? 'other';
}
