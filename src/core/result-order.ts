import type { ResultItem } from './reply.js';

/** Scores this close mean the two results match the query equally well. */
const TIE = 0.05;

/**
 * Puts an article ahead of a claim it covers when both match about equally: the article is what
 * people share, and its result carries the claim's verdict plus the publisher's label and context.
 */
export function articlesBeforeTheirClaims(results: readonly ResultItem[], coveredBy: (articleId: string) => readonly string[]): ResultItem[] {
  const ordered = [...results];
  for (const article of results) {
    if (article.kind !== 'article') continue;
    const covered = new Set(coveredBy(article.id));
    const articleAt = ordered.indexOf(article);
    const claimAt = ordered.findIndex((result, index) => index < articleAt && covered.has(result.id) && result.score - article.score <= TIE);
    if (claimAt < 0) continue;
    ordered.splice(articleAt, 1);
    ordered.splice(claimAt, 0, article);
  }
  return ordered;
}
