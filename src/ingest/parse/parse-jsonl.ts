import { jsonSyntaxProblem } from '../../store/json-syntax-location.js';
import type { DraftDefaults } from '../claim-draft.js';
import { isObject } from '../json-ld-values.js';
import { findClaimReviews, mapClaimReview } from '../map-claimreview.js';
import { isFactCheckApiDocument, mapFactCheckApi } from '../map-factcheck-api.js';
import { mapFlatRecord } from '../map-flat-record.js';
import type { ParsedSource } from '../types.js';

/**
 * One JSON object a line: the project's own shape (what `factdesk export` writes), the benchmark
 * files' shape, or a ClaimReview / Fact Check Tools object per line. A line that is not JSON is
 * one bad record, named by its line number; blank lines are skipped.
 */
export function parseJsonl(text: string, file: string, defaults: DraftDefaults = {}): ParsedSource {
  const result: ParsedSource = { format: 'jsonl', drafts: [], issues: [], warnings: [] };
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const body = raw.trim();
    if (!body) return;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      result.issues.push({ location: { file, line }, reason: `is not valid JSON: ${jsonSyntaxProblem(error)}` });
      return;
    }
    if (!isObject(value)) {
      result.issues.push({ location: { file, line }, reason: 'is not a JSON object' });
      return;
    }
    if (value['@type'] !== undefined) {
      const { reviews, resolve } = findClaimReviews(value);
      if (reviews.length === 0) result.issues.push({ location: { file, line }, field: '@type', reason: 'is not a ClaimReview' });
      for (const { node } of reviews) result.drafts.push(mapClaimReview(node, { file, line }, resolve, defaults));
      return;
    }
    if (isFactCheckApiDocument(value)) {
      const mapped = mapFactCheckApi(value, file, defaults);
      result.drafts.push(...mapped.drafts.map((draft) => ({ ...draft, location: { file, line, path: draft.location.path } })));
      result.issues.push(...mapped.issues.map((issue) => ({ ...issue, location: { file, line, path: issue.location.path } })));
      return;
    }
    result.drafts.push(mapFlatRecord(value, { file, line }, defaults));
  });
  return result;
}
