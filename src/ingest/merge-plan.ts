import { isDeepStrictEqual } from 'node:util';
import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import { foldText } from './fold-text.js';
import { canonicalUrlKey } from './stable-id.js';
import type { Located } from './types.js';

/** What became of one incoming record. */
export type MergeOutcome = 'added' | 'updated' | 'unchanged' | 'stale' | 'merged';

/** The writes an import needs, and what became of each record; outcomes add up to the records given. */
export interface MergePlan {
  /** New and changed claims, to be written in one upsert. */
  claims: ClaimReview[];
  articles: Article[];
  counts: Record<MergeOutcome, number>;
  /** Ids of the claims written, for matching open requests against. */
  writtenClaimIds: string[];
}

interface Slot {
  id: string;
  value: ClaimReview;
  stored?: ClaimReview;
  /** Records of this import that landed here. */
  records: number;
  /** True once one of them was not older than what the slot held. */
  applied: boolean;
}

/**
 * De-duplicates incoming claims against the store and against each other. A record is the same
 * fact-check as an entry when it has its id, its review URL (canonical form), or near-identical
 * claim text (folded: case, accents, punctuation) from the same reviewer. The newer review date
 * wins (an undated record counts as newer: an import is taken as a correction); the entry keeps
 * its id. Folding two different reviews of one claim keeps the appearances of both, and the
 * other review's address among the entry's `otherReviewUrls`, so a link to it still finds the entry.
 *
 * Each entry counts once (added, updated, unchanged, or stale when every record of it was older
 * than the stored one); further records of the same entry in this import count as merged.
 */
export function planMerge(
  incoming: readonly Located<ClaimReview>[],
  incomingArticles: readonly Located<Article>[],
  stored: { claims: readonly ClaimReview[]; articles: readonly Article[] },
): MergePlan {
  const counts: Record<MergeOutcome, number> = { added: 0, updated: 0, unchanged: 0, stale: 0, merged: 0 };
  const byId = new Map<string, Slot>();
  const byUrl = new Map<string, Slot>();
  const byText = new Map<string, Slot>();
  const remember = (slot: Slot, keys: Keys) => {
    byId.set(slot.id, slot);
    if (keys.url) byUrl.set(keys.url, slot);
    byText.set(keys.text, slot);
  };
  for (const claim of stored.claims) remember({ id: claim.id, value: claim, stored: claim, records: 0, applied: false }, keysOf(claim));

  const slots: Slot[] = [];
  for (const { value: claim } of incoming) {
    const keys = keysOf(claim);
    const sameReview = byId.get(claim.id) ?? (keys.url ? byUrl.get(keys.url) : undefined);
    const slot = sameReview ?? byText.get(keys.text);
    if (!slot) {
      const created: Slot = { id: claim.id, value: claim, records: 1, applied: true };
      slots.push(created);
      remember(created, keys);
      continue;
    }
    if (slot.records++ === 0) slots.push(slot);
    if (isOlder(claim, slot.value)) {
      // An older review of the same claim: its address still finds the entry.
      const known = withOtherReviewUrls(slot.value, claim);
      if (!sameRecord(known, slot.value)) {
        slot.value = known;
        slot.applied = true;
        if (keys.url) byUrl.set(keys.url, slot);
      }
      continue;
    }
    slot.applied = true;
    const value = sameReview
      ? { ...claim, id: slot.id }
      : { ...claim, id: slot.id, appearances: union(claim.appearances, slot.value.appearances), tags: union(claim.tags, slot.value.tags) };
    slot.value = withOtherReviewUrls(value, slot.value);
    remember(slot, keys);
  }

  const written: Slot[] = [];
  for (const slot of slots) {
    counts.merged += slot.records - 1;
    if (!slot.stored) {
      counts.added++;
      written.push(slot);
    } else if (!slot.applied) {
      counts.stale++;
    } else if (sameRecord(slot.value, slot.stored)) {
      counts.unchanged++;
    } else {
      counts.updated++;
      written.push(slot);
    }
  }

  const storedArticles = new Map(stored.articles.map((article) => [article.id, article] as const));
  const articles = new Map<string, Article>();
  for (const { value: article } of incomingArticles) {
    if (articles.has(article.id)) counts.merged++;
    articles.set(article.id, article);
  }
  const writtenArticles: Article[] = [];
  for (const article of articles.values()) {
    const before = storedArticles.get(article.id);
    if (!before) counts.added++;
    else if (sameRecord(article, before)) counts.unchanged++;
    else counts.updated++;
    if (!before || !sameRecord(article, before)) writtenArticles.push(article);
  }

  return {
    claims: written.map((slot) => slot.value),
    articles: writtenArticles,
    counts,
    writtenClaimIds: written.map((slot) => slot.id),
  };
}

interface Keys {
  /** The review URL, canonical. */
  url?: string;
  /** Same reviewer, near-identical text: `A "law"` and `A 'law'` are one claim. */
  text: string;
}

function keysOf(claim: ClaimReview): Keys {
  return {
    url: claim.reviewUrl ? canonicalUrlKey(claim.reviewUrl) : undefined,
    text: `${foldText(claim.reviewer.name)}\n${foldText(claim.claim)}`,
  };
}

/** Equal as stored: a key holding undefined is the same as no key (JSON has no undefined). */
function sameRecord(a: object, b: object): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

function isOlder(claim: ClaimReview, than: ClaimReview): boolean {
  if (!claim.reviewDate || !than.reviewDate) return false;
  return Date.parse(claim.reviewDate) < Date.parse(than.reviewDate);
}

/**
 * `claim` also known by the addresses of `folded` (the entry as it was, or an older record of it):
 * its review's own and the others it was known by. Never the claim's own address again (the same
 * review, read again, adds nothing), each address once (canonical form).
 */
function withOtherReviewUrls(claim: ClaimReview, folded: ClaimReview): ClaimReview {
  const own = claim.reviewUrl ? canonicalUrlKey(claim.reviewUrl) : undefined;
  const seen = new Set(own ? [own] : []);
  const urls: string[] = [];
  for (const url of [...(claim.otherReviewUrls ?? []), folded.reviewUrl, ...(folded.otherReviewUrls ?? [])]) {
    if (!url) continue;
    const key = canonicalUrlKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    urls.push(url);
  }
  const { otherReviewUrls: _, ...rest } = claim;
  return urls.length > 0 ? { ...rest, otherReviewUrls: urls } : rest;
}

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}
