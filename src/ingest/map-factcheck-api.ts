import { buildClaimDraft, type DraftDefaults } from './claim-draft.js';
import { all, isObject, nameOf, scalarOf, textOf, urlsOf, type JsonObject } from './json-ld-values.js';
import type { Draft, ImportIssue, RecordLocation } from './types.js';

/** True for a Google Fact Check Tools response: `claims:search` results or `pages` markup. */
export function isFactCheckApiDocument(document: unknown): boolean {
  const first = Array.isArray(document) ? document.find(isObject) : document;
  if (!isObject(first)) return false;
  return (
    Array.isArray(first.claims) ||
    Array.isArray(first.claimReview) ||
    Array.isArray(first.claimReviewMarkupPages) ||
    Array.isArray(first.claimReviewMarkups)
  );
}

/**
 * Reads a Fact Check Tools response: `claims:search` (`{ claims: [...] }`, or the claims array
 * itself), one claim per review in its `claimReview` list; and `pages` (`{ claimReviewMarkupPages }`
 * or one page), one claim per markup.
 */
export function mapFactCheckApi(document: unknown, file: string, defaults: DraftDefaults = {}): { drafts: Draft[]; issues: ImportIssue[] } {
  const drafts: Draft[] = [];
  const issues: ImportIssue[] = [];
  const at = (path: string): RecordLocation => ({ file, path });

  const visitClaim = (claim: unknown, path: string) => {
    if (!isObject(claim)) return void issues.push({ location: at(path), reason: 'is not an object' });
    const reviews = all(claim.claimReview);
    if (reviews.length === 0) return void issues.push({ location: at(path), field: 'claimReview', reason: 'is missing: the claim has no review' });
    reviews.forEach((review, index) => {
      const location = at(`${path}.claimReview[${index}]`);
      if (!isObject(review)) return void issues.push({ location, reason: 'is not an object' });
      drafts.push(mapSearchResult(claim, review, location, defaults));
    });
  };

  const visitPage = (page: unknown, path: string) => {
    if (!isObject(page)) return void issues.push({ location: at(path), reason: 'is not an object' });
    all(page.claimReviewMarkups).forEach((markup, index) => {
      const location = at(`${path}.claimReviewMarkups[${index}]`);
      if (!isObject(markup)) return void issues.push({ location, reason: 'is not an object' });
      drafts.push(mapMarkup(page, markup, location, defaults));
    });
  };

  const parts = Array.isArray(document) ? document : [document];
  parts.forEach((part, index) => {
    const prefix = Array.isArray(document) ? `[${index}]` : '';
    const inside = (key: string) => (prefix ? `${prefix}.${key}` : key);
    if (!isObject(part)) return void issues.push({ location: at(prefix || '(document)'), reason: 'is not an object' });
    if (Array.isArray(part.claims)) part.claims.forEach((claim, i) => visitClaim(claim, `${inside('claims')}[${i}]`));
    if (Array.isArray(part.claimReview)) visitClaim(part, prefix || '(claim)');
    if (Array.isArray(part.claimReviewMarkupPages)) part.claimReviewMarkupPages.forEach((page, i) => visitPage(page, `${inside('claimReviewMarkupPages')}[${i}]`));
    if (Array.isArray(part.claimReviewMarkups)) visitPage(part, prefix || '(page)');
  });
  return { drafts, issues };
}

function mapSearchResult(claim: JsonObject, review: JsonObject, location: RecordLocation, defaults: DraftDefaults): Draft {
  const publisher = isObject(review.publisher) ? review.publisher : {};
  const site = textOf(publisher.site);
  return buildClaimDraft(
    {
      claim: textOf(claim.text),
      title: textOf(review.title),
      rating: { text: textOf(review.textualRating) },
      reviewerName: textOf(publisher.name) ?? site,
      reviewerUrl: site ? `https://${site.replace(/^https?:\/\//, '')}` : undefined,
      reviewUrl: textOf(review.url),
      reviewDate: textOf(review.reviewDate),
      claimant: textOf(claim.claimant),
      claimDate: textOf(claim.claimDate),
      language: textOf(review.languageCode),
    },
    location,
    {
      claim: 'text',
      title: 'title',
      verdict: 'textualRating',
      rating: 'textualRating',
      reviewer: 'publisher',
      reviewUrl: 'url',
      reviewDate: 'reviewDate',
      claimant: 'claimant',
      claimDate: 'claimDate',
      language: 'languageCode',
    },
    { defaults, shortenLongRating: true },
  );
}

function mapMarkup(page: JsonObject, markup: JsonObject, location: RecordLocation, defaults: DraftDefaults): Draft {
  const rating = isObject(markup.rating) ? markup.rating : undefined;
  const pageUrl = textOf(page.pageUrl);
  const appearances = [...urlsOf(markup.claimFirstAppearance), ...urlsOf(markup.claimAppearances)];
  return buildClaimDraft(
    {
      claim: textOf(markup.claimReviewed),
      rating: rating
        ? {
            text: textOf(rating.textualRating),
            value: scalarOf(rating.ratingValue),
            best: scalarOf(rating.bestRating),
            worst: scalarOf(rating.worstRating),
          }
        : undefined,
      reviewerName: nameOf(page.claimReviewAuthor),
      reviewerUrl: pageUrl ? originOf(pageUrl) : undefined,
      reviewUrl: textOf(markup.url) ?? pageUrl,
      reviewDate: textOf(page.publishDate),
      claimant: nameOf(markup.claimAuthor),
      claimDate: textOf(markup.claimDate),
      language: textOf(markup.languageCode) ?? textOf(page.languageCode),
      summary: rating ? textOf(rating.ratingExplanation) : undefined,
      appearances: appearances.length > 0 ? [...new Set(appearances)] : undefined,
    },
    location,
    {
      claim: 'claimReviewed',
      verdict: 'rating',
      rating: 'rating.textualRating',
      reviewer: 'claimReviewAuthor',
      reviewUrl: 'url',
      reviewDate: 'publishDate',
      claimant: 'claimAuthor',
      claimDate: 'claimDate',
      language: 'languageCode',
      summary: 'rating.ratingExplanation',
      appearances: 'claimAppearances',
    },
    { defaults, shortenLongRating: true },
  );
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
