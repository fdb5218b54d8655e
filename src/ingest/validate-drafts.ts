import type { z } from 'zod';
import { articleSchema, type Article } from '../model/article.js';
import { claimReviewSchema, type ClaimReview } from '../model/claim-review.js';
import type { Draft, ImportIssue, Located } from './types.js';

/** Problems listed per record at most; more are summed up. */
const PROBLEMS_PER_RECORD = 3;

export interface ValidatedRecords {
  claims: Located<ClaimReview>[];
  articles: Located<Article>[];
  /** Every problem of every invalid record; a record with any problem is not in `claims` or `articles`. */
  issues: ImportIssue[];
  /** How many records had problems. */
  invalid: number;
}

/**
 * Checks every draft against the model's schemas (the same ones the store enforces), so nothing
 * invalid reaches a write. Problems name the record (line or path, id) and the field as the
 * source calls it. `onProgress` is told how many drafts are done, now and then.
 */
export function validateDrafts(drafts: readonly Draft[], onProgress?: (done: number) => void): ValidatedRecords {
  const result: ValidatedRecords = { claims: [], articles: [], issues: [], invalid: 0 };
  drafts.forEach((draft, index) => {
    if (onProgress && index % 500 === 0) onProgress(index);
    const schema: z.ZodType<ClaimReview | Article> = draft.kind === 'claim' ? claimReviewSchema : articleSchema;
    const parsed = schema.safeParse(draft.value);
    const id = typeof draft.value.id === 'string' ? draft.value.id : undefined;
    const sourceName = (field: string) => (draft.sourceFields as Record<string, string | undefined>)[field] ?? field;
    // A field already reported while mapping (an unreadable date) is not reported twice, nor a
    // missing id when the claim it is derived from is what was missing.
    const reported = new Set(draft.problems.map((problem) => problem.field));
    if (draft.value.id === undefined && draft.problems.length > 0) reported.add(sourceName('id'));
    const schemaProblems = parsed.success
      ? []
      : parsed.error.issues
          .filter((issue) => !reported.has(sourceName(String(issue.path[0]))))
          .map((issue) => ({ field: describePath(issue.path, sourceName), reason: issue.message }));
    const problems = [...draft.problems, ...schemaProblems];
    if (problems.length > 0) {
      result.invalid++;
      const shown = problems.slice(0, PROBLEMS_PER_RECORD);
      const hidden = problems.length - shown.length;
      shown.forEach((problem, position) => {
        const more = hidden > 0 && position === shown.length - 1 ? ` (and ${hidden} more problem${hidden > 1 ? 's' : ''})` : '';
        result.issues.push({ location: draft.location, id, field: problem.field, reason: `${problem.reason}${more}` });
      });
      return;
    }
    if (!parsed.success) return;
    if (draft.kind === 'claim') {
      result.claims.push({
        location: draft.location,
        value: parsed.data as ClaimReview,
        unknownRating: draft.unknownRating,
        notRated: draft.notRated,
        unnamedReviewer: draft.unnamedReviewer,
      });
    } else {
      result.articles.push({ location: draft.location, value: parsed.data as Article });
    }
  });
  onProgress?.(drafts.length);
  return result;
}

/** `reviewUrl` as the source calls it (`url`), with the rest of the path (`author.url`, `appearance[2]`). */
function describePath(path: readonly PropertyKey[], sourceName: (field: string) => string): string {
  if (path.length === 0) return '(record)';
  const [first, ...rest] = path;
  return [sourceName(String(first)), ...rest.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))].join('');
}
