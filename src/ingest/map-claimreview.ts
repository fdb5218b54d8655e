import { buildClaimDraft, type DraftDefaults } from './claim-draft.js';
import { all, isObject, linkId, listOf, nameOf, scalarOf, textOf, typesOf, urlOf, urlsOf, type JsonObject } from './json-ld-values.js';
import type { Draft, RecordLocation } from './types.js';

/** A ClaimReview node found in a document, with where it was. */
export interface FoundNode {
  node: JsonObject;
  path: string;
}

/**
 * Finds every ClaimReview in a JSON-LD document: one object, an array, an `@graph`, or nested
 * inside another node (a WebPage's `mainEntity`, an Article's `review`). References such as
 * `{ "@id": "#claim" }` are resolved against the document's other nodes.
 */
export function findClaimReviews(document: unknown): { reviews: FoundNode[]; resolve: (value: unknown) => unknown } {
  const byId = new Map<string, JsonObject>();
  const reviews: FoundNode[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`));
      return;
    }
    if (!isObject(value)) return;
    const id = textOf(value['@id']);
    if (id && Object.keys(value).length > 1) byId.set(id, value);
    if (typesOf(value).includes('ClaimReview')) {
      reviews.push({ node: value, path: path || '(document)' });
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'object' && child !== null) visit(child, path ? `${path}.${key}` : key);
    }
  };
  visit(document, '');
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (isObject(value) && Object.keys(value).length === 1 && typeof value['@id'] === 'string') return byId.get(value['@id']) ?? value;
    return value;
  };
  return { reviews, resolve };
}

/**
 * Maps one schema.org ClaimReview onto a draft. The rating is read from `reviewRating`
 * (`alternateName`, `name`, or `ratingValue` on its `bestRating`/`worstRating` scale); the claim
 * from `claimReviewed` or the reviewed Claim's text; the claimant, claim date and appearances
 * from `itemReviewed`. factdesk's own exports add a `factdesk` object with the canonical verdict.
 */
export function mapClaimReview(
  node: JsonObject,
  location: RecordLocation,
  resolve: (value: unknown) => unknown,
  defaults: DraftDefaults & { pageUrl?: string } = {},
): Draft {
  const get = (object: JsonObject, key: string) => resolve(object[key]);
  const item = firstObject(get(node, 'itemReviewed'), resolve);
  const rating = firstObject(get(node, 'reviewRating'), resolve);
  const author = all(get(node, 'author')).map(resolve);
  const organisation = author.find((entry) => isObject(entry) && typesOf(entry).includes('Organization')) ?? author[0];
  const publisher = resolve(node.publisher);
  const own = isObject(node.factdesk) ? node.factdesk : {};
  const claimAuthor = item ? get(item, 'author') : undefined;
  const language = node.inLanguage ?? item?.inLanguage;
  const appearances = item
    ? [...urlsOf(all(get(item, 'firstAppearance')).map(resolve)), ...urlsOf(all(get(item, 'appearance')).map(resolve))]
    : [];

  const claim = textOf(node.claimReviewed) ?? (item ? textOf(item.text) ?? textOf(item.name) : undefined);
  const title = textOf(node.headline) ?? textOf(node.name);
  return buildClaimDraft(
    {
      id: textOf(node.identifier),
      claim,
      // Many pages repeat the claim as the review's name: that is no headline (factdesk's own exports mean what they say).
      title: title === claim && own.verdict === undefined ? undefined : title,
      verdict: textOf(own.verdict),
      rating: rating
        ? {
            text: textOf(rating.alternateName) ?? textOf(rating.name),
            value: scalarOf(rating.ratingValue),
            best: scalarOf(rating.bestRating),
            worst: scalarOf(rating.worstRating),
          }
        : undefined,
      reviewerName: nameOf(organisation) ?? nameOf(publisher),
      reviewerUrl: isObject(organisation) ? urlOf(organisation) : isObject(publisher) ? urlOf(publisher) : undefined,
      reviewUrl: textOf(node.url) ?? linkId(node) ?? defaults.pageUrl,
      reviewDate: textOf(node.datePublished) ?? textOf(node.dateCreated),
      claimant: nameOf(all(claimAuthor).map(resolve)),
      claimDate: item ? textOf(item.datePublished) ?? textOf(item.dateCreated) : undefined,
      language: languageOf(language),
      summary: textOf(node.reviewBody) ?? textOf(node.description),
      appearances: appearances.length > 0 ? [...new Set(appearances)] : undefined,
      otherReviewUrls: Array.isArray(own.otherReviewUrls) ? own.otherReviewUrls.filter((url): url is string => typeof url === 'string') : undefined,
      tags: node.keywords === undefined ? undefined : listOf(node.keywords),
      sample: typeof own.sample === 'boolean' ? own.sample : undefined,
    },
    location,
    {
      id: 'identifier',
      claim: 'claimReviewed',
      title: 'headline',
      verdict: 'reviewRating',
      rating: 'reviewRating.alternateName',
      reviewer: 'author',
      reviewUrl: 'url',
      reviewDate: 'datePublished',
      claimant: 'itemReviewed.author',
      claimDate: 'itemReviewed.datePublished',
      language: 'inLanguage',
      summary: 'reviewBody',
      appearances: 'itemReviewed.appearance',
      tags: 'keywords',
    },
    // factdesk's own exports carry the rating exactly as stored.
    { defaults, shortenLongRating: own.verdict === undefined },
  );
}

function firstObject(value: unknown, resolve: (value: unknown) => unknown): JsonObject | undefined {
  return all(value).map(resolve).find(isObject);
}

/** `en`, `"en-US"`, or a Language object (`{ "name": "English", "alternateName": "en" }`). */
function languageOf(value: unknown): string | undefined {
  for (const item of all(value)) {
    if (isObject(item)) {
      const code = textOf(item.alternateName) ?? textOf(item.name);
      if (code) return code;
    } else if (textOf(item)) {
      return textOf(item);
    }
  }
  return undefined;
}
