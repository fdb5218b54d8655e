import type { ClaimReview } from '../model/claim-review.js';
import { buildClaimDraft, type ClaimFields, type DraftDefaults } from './claim-draft.js';
import { isObject, nameOf, textOf, urlOf } from './json-ld-values.js';
import type { Draft, RecordLocation } from './types.js';

/**
 * Column and key names a flat record (a JSONL line, a CSV row) may use for each field, compared
 * without case, spaces, dashes or underscores. The first name is the documented one; the others
 * are what other tools and the benchmark files call it (`speaker`, `url`, `date`).
 */
const ALIASES: Readonly<Record<keyof ClaimFields | 'kind' | 'ratingValue' | 'bestRating' | 'worstRating' | 'benchUrl' | 'benchDate', readonly string[]>> = {
  kind: ['kind'],
  id: ['id', 'identifier'],
  claim: ['claim', 'claimtext', 'claimreviewed', 'text', 'statement'],
  title: ['title', 'headline'],
  verdict: ['verdict'],
  rating: ['rating', 'textualrating', 'ratingtext', 'alternatename'],
  ratingValue: ['ratingvalue'],
  bestRating: ['bestrating'],
  worstRating: ['worstrating'],
  reviewerName: ['reviewer', 'reviewername', 'publisher', 'factchecker'],
  reviewerUrl: ['reviewerurl', 'publisherurl'],
  reviewUrl: ['reviewurl'],
  benchUrl: ['url'],
  reviewDate: ['reviewdate', 'datepublished'],
  claimant: ['claimant', 'speaker', 'claimauthor', 'author'],
  claimDate: ['claimdate'],
  benchDate: ['date'],
  language: ['language', 'lang', 'languagecode', 'inlanguage'],
  summary: ['summary', 'context', 'explanation', 'reviewbody'],
  appearances: ['appearances', 'appearance'],
  otherReviewUrls: ['otherreviewurls'],
  tags: ['tags', 'keywords'],
  sample: ['sample'],
};
type Key = keyof typeof ALIASES;

const LOOKUP = new Map<string, Key>(
  (Object.entries(ALIASES) as [Key, readonly string[]][]).flatMap(([key, names]) => names.map((name) => [name, key] as const)),
);

/** A key as it is compared: `Review URL`, `review_url` and `reviewUrl` are one. */
export function foldKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Whether a CSV header or JSON key names a field this mapper reads. */
export function isKnownKey(key: string): boolean {
  return LOOKUP.has(foldKey(key));
}

/**
 * Maps a flat record onto a draft: the project's own JSONL shape (a stored claim or article per
 * line, as `factdesk export` writes it), CSV rows, and the benchmark shape (`id, claim, title,
 * verdict, speaker, date, url, summary`). `kind: "article"` lines are articles, kept as they are.
 */
export function mapFlatRecord(record: Record<string, unknown>, location: RecordLocation, defaults: DraftDefaults = {}): Draft {
  const found = new Map<Key, { name: string; value: unknown }>();
  for (const [name, value] of Object.entries(record)) {
    const key = LOOKUP.get(foldKey(name));
    if (key && !found.has(key) && value !== null && value !== '') found.set(key, { name, value });
  }
  const get = (key: Key) => found.get(key)?.value;
  const text = (key: Key) => textOf(get(key));
  const sourceName = (key: Key) => found.get(key)?.name;

  if (text('kind')?.toLowerCase() === 'article') {
    const { kind: _kind, ...article } = record;
    return { kind: 'article', location, value: article, sourceFields: {}, problems: [] };
  }

  const reviewer = get('reviewerName');
  const reviewUrl = text('reviewUrl') ?? text('benchUrl');
  const fields: ClaimFields = {
    id: text('id'),
    claim: text('claim'),
    title: text('title'),
    verdict: text('verdict'),
    rating:
      get('rating') !== undefined || get('ratingValue') !== undefined
        ? { text: text('rating'), value: scalar(get('ratingValue')), best: scalar(get('bestRating')), worst: scalar(get('worstRating')) }
        : undefined,
    reviewerName: isObject(reviewer) ? nameOf(reviewer) : textOf(reviewer),
    reviewerUrl: text('reviewerUrl') ?? (isObject(reviewer) ? urlOf(reviewer) : undefined),
    reviewUrl,
    reviewDate: text('reviewDate'),
    claimant: isObject(get('claimant')) ? nameOf(get('claimant')) : text('claimant'),
    claimDate: text('claimDate') ?? text('benchDate'),
    language: text('language'),
    summary: text('summary'),
    appearances: list(get('appearances'), /[\s|]+/),
    otherReviewUrls: list(get('otherReviewUrls'), /[\s|]+/),
    tags: list(get('tags'), /\s*[|,]\s*/),
    sample: flag(get('sample')),
  };
  const sourceFields: Partial<Record<keyof ClaimReview, string>> = {};
  const names: [keyof ClaimReview, Key[]][] = [
    ['id', ['id']], ['claim', ['claim']], ['title', ['title']], ['verdict', ['verdict', 'rating']], ['rating', ['rating']],
    ['reviewer', ['reviewerName']], ['reviewUrl', ['reviewUrl', 'benchUrl']], ['reviewDate', ['reviewDate']],
    ['claimant', ['claimant']], ['claimDate', ['claimDate', 'benchDate']], ['language', ['language']],
    ['summary', ['summary']], ['appearances', ['appearances']], ['otherReviewUrls', ['otherReviewUrls']], ['tags', ['tags']], ['sample', ['sample']],
  ];
  for (const [field, keys] of names) {
    const name = keys.map(sourceName).find(Boolean);
    if (name) sourceFields[field] = name;
  }
  // The benchmark shape (`url`, `date`) is a feed's: its dates are prose and its addresses carry the review date.
  const benchShape = found.has('benchUrl') || found.has('benchDate');
  return buildClaimDraft(fields, location, sourceFields, {
    defaults,
    reviewDateFromUrl: found.has('benchUrl') && !found.has('reviewDate'),
    lenientClaimDate: benchShape && !found.has('claimDate'),
  });
}

function scalar(value: unknown): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** A list given as an array, or as one text split on `separator` (CSV cells). */
function list(value: unknown, separator: RegExp): string[] | undefined {
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value.map((item) => textOf(item) ?? urlOf(item)) : (textOf(value)?.split(separator) ?? []);
  return items.map((item) => item?.trim()).filter((item): item is string => Boolean(item));
}

function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (/^(true|yes|1)$/i.test(value.trim())) return true;
    if (/^(false|no|0)$/i.test(value.trim())) return false;
  }
  return undefined;
}
