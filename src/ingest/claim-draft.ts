import type { ClaimReview } from '../model/claim-review.js';
import { VERDICTS, VERDICT_LABELS, type Verdict } from '../model/verdict.js';
import { canonicalizeUrl } from '../links/canonicalize-url.js';
import { dateFromUrl, toIsoDate } from './dates.js';
import { readVerdict, type RatingInput } from './normalize-verdict.js';
import { reviewerFromUrl } from './publishers.js';
import { stableId } from './stable-id.js';
import type { Draft, FieldProblem, RecordLocation } from './types.js';

/** Shown as the rating of a record whose source gave none. */
export const NOT_RATED = 'Not rated';
/** The reviewer of a record that names none and has no address to tell it from. */
export const UNKNOWN_REVIEWER = 'Unknown publisher';
/** Ratings longer than this are explanations: shortened for display, the whole text kept as summary. */
const LONG_RATING = 150;

/** What the import command fills in when a record does not say. */
export interface DraftDefaults {
  /** `--reviewer`: the publisher of records that name none. */
  reviewer?: string;
}

/** A claim record's fields as a source gives them, before any reading or checking. */
export interface ClaimFields {
  id?: string;
  claim?: string;
  title?: string;
  /** A verdict field: a canonical verdict, or a publisher's rating slug (`pants-fire`). */
  verdict?: string;
  rating?: RatingInput;
  reviewerName?: string;
  reviewerUrl?: string;
  reviewUrl?: string;
  reviewDate?: string;
  claimant?: string;
  claimDate?: string;
  language?: string;
  summary?: string;
  appearances?: string[];
  otherReviewUrls?: string[];
  tags?: string[];
  sample?: boolean;
}

export interface DraftOptions {
  defaults?: DraftDefaults;
  /** Feeds that put whole explanations in the rating text (Google's API, some ClaimReview markup). */
  shortenLongRating?: boolean;
  /** Take a missing review date from the review's address (`/2019/oct/30/`). */
  reviewDateFromUrl?: boolean;
  /** Dates that may be prose ("stated on October 22, 2019 in a speech"): unreadable ones are left out, not errors. */
  lenientClaimDate?: boolean;
}

/**
 * Turns a source record's fields into a claim draft: the rating read onto the canonical scale,
 * dates in ISO form, scheme-less links completed, a stable id when the source has none.
 * Problems are collected, never thrown, so one bad record is reported with the others.
 */
export function buildClaimDraft(
  fields: ClaimFields,
  location: RecordLocation,
  sourceFields: Partial<Record<keyof ClaimReview, string>>,
  options: DraftOptions = {},
): Extract<Draft, { kind: 'claim' }> {
  const problems: FieldProblem[] = [];
  const field = (name: keyof ClaimReview) => sourceFields[name] ?? name;
  const reviewUrl = fields.reviewUrl === undefined ? undefined : completeUrl(fields.reviewUrl);
  const reviewer = reviewerOf(fields, reviewUrl, options.defaults);
  const verdict = verdictOf(fields);
  let { rating } = verdict;
  let summary = fields.summary;
  if (options.shortenLongRating && rating.length > LONG_RATING) {
    summary ??= rating;
    rating = shorten(rating, LONG_RATING);
  }

  const value: Record<string, unknown> = {
    id: fields.id ?? (fields.claim ? stableId({ reviewUrl, reviewerName: reviewer.name, claim: fields.claim }) : undefined),
    claim: fields.claim,
    title: fields.title,
    verdict: verdict.verdict,
    rating,
    reviewer: reviewer.url ? { name: reviewer.name, url: completeUrl(reviewer.url) } : { name: reviewer.name },
    reviewUrl,
    reviewDate: dateField(fields.reviewDate, field('reviewDate'), problems) ?? (options.reviewDateFromUrl && reviewUrl ? dateFromUrl(reviewUrl) : undefined),
    claimant: fields.claimant,
    claimDate: options.lenientClaimDate && fields.claimDate ? toIsoDate(fields.claimDate) : dateField(fields.claimDate, field('claimDate'), problems),
    language: fields.language,
    summary,
    appearances: fields.appearances?.map(completeUrl),
    otherReviewUrls: fields.otherReviewUrls?.length ? fields.otherReviewUrls.map(completeUrl) : undefined,
    tags: fields.tags,
    sample: fields.sample,
  };
  if (!fields.claim) problems.push({ field: field('claim'), reason: 'is missing: every fact-check needs the claim it checked' });
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];

  return {
    kind: 'claim',
    location,
    value,
    sourceFields,
    problems,
    ...(verdict.unknown ? { unknownRating: verdict.rating } : {}),
    ...(verdict.notRated ? { notRated: true } : {}),
    ...(reviewer.unnamed ? { unnamedReviewer: true } : {}),
  };
}

function verdictOf(fields: ClaimFields): { verdict: Verdict; rating: string; unknown?: boolean; notRated?: boolean } {
  const ratingText = fields.rating?.text?.trim() || undefined;
  const stated = fields.verdict?.trim().toLowerCase();
  if (stated && (VERDICTS as readonly string[]).includes(stated)) {
    const verdict = stated as Verdict;
    return { verdict, rating: ratingText ?? VERDICT_LABELS[verdict] };
  }
  const reading = stated ? readVerdict({ text: fields.verdict }) : fields.rating ? readVerdict(fields.rating) : undefined;
  if (!reading) return { verdict: 'other', rating: ratingText ?? NOT_RATED, notRated: ratingText === undefined };
  return {
    verdict: reading.verdict,
    rating: ratingText ?? reading.rating,
    ...(reading.known ? {} : { unknown: true }),
  };
}

function reviewerOf(fields: ClaimFields, reviewUrl: string | undefined, defaults: DraftDefaults = {}) {
  if (fields.reviewerName) return { name: fields.reviewerName, url: fields.reviewerUrl };
  const fromUrl = reviewUrl ? reviewerFromUrl(reviewUrl) : undefined;
  if (fromUrl) return { name: fromUrl.name, url: fields.reviewerUrl ?? fromUrl.url };
  if (defaults.reviewer) return { name: defaults.reviewer, url: fields.reviewerUrl };
  return { name: UNKNOWN_REVIEWER, url: fields.reviewerUrl, unnamed: true };
}

function dateField(raw: string | undefined, field: string, problems: FieldProblem[]): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const date = toIsoDate(raw);
  if (!date) problems.push({ field, reason: `"${raw.slice(0, 60)}" is not a date factdesk can read (use 2021-11-23)` });
  return date;
}

/** `www.example.com/x` and `//example.com/x` as https links; anything else as given, for validation to judge. */
export function completeUrl(url: string): string {
  const text = url.trim();
  if (/^https?:\/\//i.test(text)) return text;
  if (text.startsWith('//')) return `https:${text}`;
  return canonicalizeUrl(text) ? `https://${text}` : text;
}

function shorten(text: string, max: number): string {
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
