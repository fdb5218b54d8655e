import { LookupService } from '../core/lookup.js';
import type { ClaimReview } from '../model/claim-review.js';
import { answerOpenRequests } from '../requests/answer-requests.js';
import type { Store } from '../store/store.js';
import type { DraftDefaults } from './claim-draft.js';
import { countByLanguage, countByVerdict, unknownRatings, type ImportSummary } from './import-summary.js';
import { planMerge } from './merge-plan.js';
import { parseSource } from './parse/parse-source.js';
import type { ProgressSink } from './progress.js';
import type { ImportFormat } from './types.js';
import { validateDrafts } from './validate-drafts.js';

export interface ImportOptions {
  /** The source's whole text. */
  text: string;
  /** How to name the source in messages (`claims.jsonl`, `stdin`); its extension helps `auto`. */
  file: string;
  format: ImportFormat;
  /** Report what would happen; write nothing. */
  dryRun?: boolean;
  /** Import the valid records of a source with invalid ones (else nothing is written). */
  skipInvalid?: boolean;
  defaults?: DraftDefaults;
  progress?: ProgressSink;
  /** The running bot's index: updated with the write. Without it, the store alone is written. */
  lookup?: LookupService;
  now?: () => number;
}

/**
 * Imports a source into the store: every record is read and validated first; then, unless the
 * source has invalid records (and `skipInvalid` is not given) or this is a dry run, everything is
 * written in ONE atomic upsert. Finally, open requests the new fact-checks answer are marked for
 * notification. Bad content never throws: it is reported in the summary. Store faults do throw.
 */
export async function importSource(store: Store, options: ImportOptions): Promise<ImportSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  const parsed = parseSource(options.text, { file: options.file, format: options.format, defaults: options.defaults });

  options.progress?.start(parsed.drafts.length);
  let checked;
  try {
    checked = validateDrafts(parsed.drafts, (done) => options.progress?.update(done));
  } finally {
    options.progress?.stop();
  }
  const invalid = checked.invalid + parsed.issues.length;
  const issues = [...parsed.issues, ...checked.issues];
  const refused = invalid > 0 && !options.skipInvalid;

  const [storedClaims, storedArticles] = refused ? [[], []] : await Promise.all([store.listClaims(), store.listArticles()]);
  const plan = planMerge(refused ? [] : checked.claims, refused ? [] : checked.articles, { claims: storedClaims, articles: storedArticles });

  let written = false;
  let answered = 0;
  if (!refused && !options.dryRun && (plan.claims.length > 0 || plan.articles.length > 0)) {
    const entries = { claims: plan.claims, articles: plan.articles };
    if (options.lookup) await options.lookup.add(entries);
    else await store.upsert(entries);
    written = true;
    answered = (await answerRequests(store, plan.claims, options.lookup)).length;
  }

  const valid = refused ? [] : checked.claims;
  return {
    file: options.file,
    format: parsed.format,
    dryRun: options.dryRun ?? false,
    written,
    records: parsed.drafts.length + parsed.issues.length,
    invalid,
    skipped: invalid > 0 && options.skipInvalid ? invalid : 0,
    issues,
    outcomes: plan.counts,
    claimsWritten: plan.claims.length,
    byVerdict: countByVerdict(plan.claims),
    byLanguage: countByLanguage(plan.claims),
    unknownRatings: unknownRatings(valid),
    notRated: valid.filter((claim) => claim.notRated).length,
    unnamedReviewer: valid.filter((claim) => claim.unnamedReviewer).length,
    warnings: parsed.warnings,
    answeredRequests: answered,
    durationMs: now() - started,
  };
}

/** Matches open requests against the claims just written, with the bot's index or one built over them. */
async function answerRequests(store: Store, claims: readonly ClaimReview[], lookup: LookupService | undefined) {
  if (claims.length === 0 || (await store.listRequests({ status: 'open' })).length === 0) return [];
  const searcher = lookup ?? LookupService.fromEntries({ claims });
  return answerOpenRequests({ store, searcher, answerIds: new Set(claims.map((claim) => claim.id)), via: 'import' });
}
