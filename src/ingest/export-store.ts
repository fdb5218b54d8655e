import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';

export const EXPORT_FORMATS = ['jsonl', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The store as JSON lines in the project's own shape: one claim per line as stored, then one
 * article per line marked `"kind": "article"`. `factdesk import` reads it back unchanged.
 */
export function toJsonl(entries: { claims: readonly ClaimReview[]; articles: readonly Article[] }): string {
  const lines = [
    ...entries.claims.map((claim) => JSON.stringify(claim)),
    ...entries.articles.map((article) => JSON.stringify({ kind: 'article', ...article })),
  ];
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * The claims as a schema.org JSON-LD document (`@graph` of ClaimReview), for other tools and
 * sites. Each review keeps factdesk's canonical verdict in a `factdesk` object that other
 * consumers ignore, so importing the document gives back the same claims. Articles have no
 * ClaimReview form and are left out.
 */
export function toClaimReviewDocument(claims: readonly ClaimReview[]): string {
  const graph = claims.map(toClaimReviewNode);
  return `${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2)}\n`;
}

export function toClaimReviewNode(claim: ClaimReview): Record<string, unknown> {
  const item: Record<string, unknown> = { '@type': 'Claim' };
  if (claim.claimant) item.author = { name: claim.claimant };
  if (claim.claimDate) item.datePublished = claim.claimDate;
  if (claim.appearances.length > 0) item.appearance = claim.appearances;
  return omitUndefined({
    '@type': 'ClaimReview',
    identifier: claim.id,
    url: claim.reviewUrl,
    claimReviewed: claim.claim,
    headline: claim.title,
    datePublished: claim.reviewDate,
    inLanguage: claim.language,
    author: omitUndefined({ '@type': 'Organization', name: claim.reviewer.name, url: claim.reviewer.url }),
    reviewRating: { '@type': 'Rating', alternateName: claim.rating },
    reviewBody: claim.summary,
    keywords: claim.tags.length > 0 ? claim.tags : undefined,
    itemReviewed: item,
    factdesk: omitUndefined({ verdict: claim.verdict, sample: claim.sample, otherReviewUrls: claim.otherReviewUrls }),
  });
}

function omitUndefined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
