import { UserError } from '../core/errors.js';
import type { LookupService } from '../core/lookup.js';
import { buildClaimDraft, type ClaimFields } from '../ingest/claim-draft.js';
import { foldText } from '../ingest/fold-text.js';
import { planMerge } from '../ingest/merge-plan.js';
import { describeLocation } from '../ingest/types.js';
import { validateDrafts } from '../ingest/validate-drafts.js';
import type { ClaimReview } from '../model/claim-review.js';
import type { FactcheckRequest } from '../model/store-data.js';
import type { Verdict } from '../model/verdict.js';
import { answerOpenRequests } from '../requests/answer-requests.js';
import type { Store } from '../store/store.js';
import { curationMessages } from './curation-messages.js';

/** Problems name the fields as the `factcheck-add` form and options do. */
const FORM_NAMES = { reviewUrl: 'link', reviewDate: 'date', claimDate: 'claim_date', reviewer: 'reviewer' } as const;

/**
 * A curator's fact-check, as typed in a form: every field optional when correcting an entry by id.
 * The free-text fields are a source record's; only rating, verdict and reviewer take a form's shape.
 */
export type FactcheckInput = Pick<
  ClaimFields,
  'id' | 'claim' | 'title' | 'reviewUrl' | 'reviewDate' | 'claimant' | 'claimDate' | 'language' | 'summary' | 'appearances' | 'tags'
> & {
  /** The rating in the publisher's words; read onto the canonical scale unless `verdict` is given. */
  rating?: string;
  verdict?: Verdict;
  /** Who checked it, by name. */
  reviewer?: string;
};

export interface AddedFactcheck {
  claim: ClaimReview;
  outcome: 'added' | 'updated' | 'unchanged';
  /** The rating, when the verdict table did not know it (the verdict is then `other`). */
  unknownRating?: string;
  /** Open requests this fact-check answered; their askers are now due a notification. */
  answered: FactcheckRequest[];
}

/** Text hits searched for a stored claim with the same wording: near-duplicates rank far above this. */
const SAME_TEXT_CANDIDATES = 20;

/**
 * Adds a fact-check, or corrects one (by id, or because it has the same review URL or the same
 * claim from the same reviewer): checked by the same rules as an import, written to the store and
 * the search index at once, then matched against open requests.
 */
export async function addFactcheck(parts: { lookup: LookupService; store: Store }, input: FactcheckInput, now = new Date()): Promise<AddedFactcheck> {
  const existing = input.id ? await parts.lookup.getClaim(input.id) : undefined;
  if (input.id && !existing) throw new UserError('unknown-id', curationMessages.unknownId(input.id));
  if (!existing) {
    if (!input.claim) throw new UserError('invalid-factcheck', curationMessages.needsClaim);
    if (!input.rating && !input.verdict) throw new UserError('invalid-factcheck', curationMessages.needsRating);
    if (!input.reviewer && !input.reviewUrl) throw new UserError('invalid-factcheck', curationMessages.needsReviewer);
  }

  const draft = buildClaimDraft(fieldsFor(input, existing, now), { file: 'factcheck-add' }, FORM_NAMES);
  const checked = validateDrafts([draft]);
  const [valid] = checked.claims;
  if (!valid) {
    const problems = checked.issues.map((issue) => (issue.field ? `${issue.field}: ${issue.reason}` : issue.reason)).join('; ');
    throw new UserError('invalid-factcheck', curationMessages.invalid(problems || describeLocation(draft.location)));
  }

  const candidates = await sameFactcheckCandidates(parts.lookup, valid.value);
  const plan = planMerge([valid], [], { claims: candidates, articles: [] });
  if (plan.counts.stale > 0) {
    const kept = candidates.find((claim) => claim.reviewDate && valid.value.reviewDate && claim.reviewDate > valid.value.reviewDate);
    throw new UserError('older-than-stored', curationMessages.olderThanStored(kept?.id ?? candidates[0]?.id ?? '?', kept?.reviewDate ?? 'a later date'));
  }
  const [written] = plan.claims;
  if (!written) {
    const same = candidates.find((claim) => claim.id === valid.value.id) ?? valid.value;
    return { claim: same, outcome: 'unchanged', answered: [] };
  }
  await parts.lookup.add({ claims: [written] });
  const answered = await answerOpenRequests({ store: parts.store, searcher: parts.lookup, answerIds: new Set([written.id]), via: 'factcheck-add', now });
  return {
    claim: written,
    outcome: plan.counts.added > 0 ? 'added' : 'updated',
    ...(valid.unknownRating ? { unknownRating: valid.unknownRating } : {}),
    answered,
  };
}

/** The form's fields over the entry being corrected: what is left empty keeps its stored value. */
function fieldsFor(input: FactcheckInput, existing: ClaimReview | undefined, now: Date): ClaimFields {
  const ratingChanged = input.rating !== undefined || input.verdict !== undefined;
  return {
    id: existing?.id,
    claim: input.claim ?? existing?.claim,
    title: input.title ?? existing?.title,
    verdict: input.verdict ?? (ratingChanged ? undefined : existing?.verdict),
    rating: input.rating !== undefined ? { text: input.rating } : ratingChanged ? undefined : existing ? { text: existing.rating } : undefined,
    reviewerName: input.reviewer ?? existing?.reviewer.name,
    reviewerUrl: input.reviewer !== undefined ? undefined : existing?.reviewer.url,
    reviewUrl: input.reviewUrl ?? existing?.reviewUrl,
    reviewDate: input.reviewDate ?? existing?.reviewDate ?? now.toISOString().slice(0, 10),
    claimant: input.claimant ?? existing?.claimant,
    claimDate: input.claimDate ?? existing?.claimDate,
    language: input.language ?? existing?.language,
    summary: input.summary ?? existing?.summary,
    appearances: input.appearances ?? existing?.appearances,
    tags: input.tags ?? existing?.tags,
    sample: existing?.sample,
  };
}

/**
 * The few stored claims that could be the same fact-check, found cheaply (same id, linked to the
 * same review URL, or the same folded text) before the import's exact merge rules decide. The
 * same text is looked for among the text search's best hits, so no add reads the whole store.
 */
async function sameFactcheckCandidates(lookup: LookupService, claim: ClaimReview): Promise<ClaimReview[]> {
  const text = foldText(claim.claim);
  const linked = claim.reviewUrl ? await lookup.lookupUrl(claim.reviewUrl, { limit: 20 }) : undefined;
  const similar = await lookup.lookupText(claim.claim, { limit: SAME_TEXT_CANDIDATES });
  const ids = new Set([
    claim.id,
    ...(linked?.reason === 'url' ? linked.results.map((result) => result.id) : []),
    ...similar.results.filter((result) => result.kind === 'claim' && foldText(result.title) === text).map((result) => result.id),
  ]);
  const found = await Promise.all([...ids].map((id) => lookup.getClaim(id)));
  return found.filter((candidate): candidate is ClaimReview => candidate !== undefined);
}
