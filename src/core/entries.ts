import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import type { SearchDocument } from '../search/types.js';

/** A stored fact-check as the lookup indexes it: a claim review or an article. */
export type Entry = { kind: 'claim'; value: ClaimReview } | { kind: 'article'; value: Article };

/** The links an entry is known by: a claim's review (and the reviews folded into it) and where it circulated, an article's own. */
export function linksOf(entry: Entry): string[] {
  const urls = entry.kind === 'claim' ? [entry.value.reviewUrl, ...(entry.value.otherReviewUrls ?? []), ...entry.value.appearances] : [entry.value.url];
  return urls.filter((url): url is string => Boolean(url));
}

/** What the text index reads of an entry: an article's headline is the claim it makes. */
export function toSearchDocument(entry: Entry): SearchDocument {
  if (entry.kind === 'claim') {
    const claim = entry.value;
    return {
      id: claim.id,
      kind: 'claim',
      claim: claim.claim,
      title: claim.title,
      summary: claim.summary,
      claimant: claim.claimant,
      language: claim.language,
    };
  }
  const article = entry.value;
  return {
    id: article.id,
    kind: 'article',
    claim: article.title,
    summary: [article.summary, article.body].filter(Boolean).join('\n'),
    language: article.language,
  };
}
