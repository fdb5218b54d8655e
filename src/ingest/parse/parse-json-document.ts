import { jsonSyntaxProblem, locateJsonSyntaxError } from '../../store/json-syntax-location.js';
import type { DraftDefaults } from '../claim-draft.js';
import { isObject } from '../json-ld-values.js';
import { findClaimReviews, mapClaimReview } from '../map-claimreview.js';
import { isFactCheckApiDocument, mapFactCheckApi } from '../map-factcheck-api.js';
import { mapFlatRecord } from '../map-flat-record.js';
import type { ImportIssue, ParsedSource } from '../types.js';
import { extractJsonLd, pageUrl } from './extract-json-ld.js';

/** Parses a whole JSON text, or says where it breaks (line and column). */
export function parseJsonText(text: string, file: string, startLine = 1): { value?: unknown; issue?: ImportIssue } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(body) };
  } catch (error) {
    const { line, column } = locateJsonSyntaxError(body);
    return { issue: { location: { file, line: startLine + line - 1 }, reason: `is not valid JSON: ${jsonSyntaxProblem(error)} (column ${column})` } };
  }
}

/** schema.org ClaimReview JSON-LD: a JSON document, or an HTML page with `<script type="application/ld+json">` blocks. */
export function parseClaimReview(text: string, file: string, defaults: DraftDefaults = {}): ParsedSource {
  const result: ParsedSource = { format: 'claimreview', drafts: [], issues: [], warnings: [] };
  if (text.trimStart().startsWith('<')) {
    const blocks = extractJsonLd(text);
    const page = pageUrl(text);
    if (blocks.length === 0) result.issues.push({ location: { file }, reason: 'has no <script type="application/ld+json"> block' });
    for (const block of blocks) {
      const parsed = parseJsonText(block.json, file, block.line);
      if (parsed.issue) {
        result.issues.push(parsed.issue);
        continue;
      }
      addReviews(result, parsed.value, file, `script ${block.number} `, { ...defaults, pageUrl: page });
    }
    if (blocks.length > 0 && result.drafts.length === 0 && result.issues.length === 0) {
      result.issues.push({ location: { file }, reason: 'has JSON-LD, but no ClaimReview in it' });
    }
    return result;
  }
  const parsed = parseJsonText(text, file);
  if (parsed.issue) return { ...result, issues: [parsed.issue] };
  addReviews(result, parsed.value, file, '', defaults);
  if (result.drafts.length === 0) result.issues.push({ location: { file }, reason: 'holds no ClaimReview (an object with "@type": "ClaimReview")' });
  return result;
}

function addReviews(result: ParsedSource, document: unknown, file: string, prefix: string, defaults: DraftDefaults & { pageUrl?: string }) {
  const { reviews, resolve } = findClaimReviews(document);
  for (const { node, path } of reviews) result.drafts.push(mapClaimReview(node, { file, path: `${prefix}${path}`.trim() }, resolve, defaults));
}

/** Google Fact Check Tools JSON: `claims:search` or `pages` responses. */
export function parseFactCheckApi(text: string, file: string, defaults: DraftDefaults = {}): ParsedSource {
  const parsed = parseJsonText(text, file);
  if (parsed.issue) return { format: 'factcheck-api', drafts: [], issues: [parsed.issue], warnings: [] };
  if (!isFactCheckApiDocument(parsed.value)) {
    return {
      format: 'factcheck-api',
      drafts: [],
      issues: [{ location: { file }, reason: 'is not a Fact Check Tools response (no "claims", "claimReview" or "claimReviewMarkupPages")' }],
      warnings: [],
    };
  }
  return { format: 'factcheck-api', ...mapFactCheckApi(parsed.value, file, defaults), warnings: [] };
}

/** A JSON array of flat records (the JSONL shape, as one document). */
export function parseJsonRecords(value: unknown[], file: string, defaults: DraftDefaults = {}): ParsedSource {
  const result: ParsedSource = { format: 'jsonl', drafts: [], issues: [], warnings: [] };
  value.forEach((record, index) => {
    if (isObject(record)) result.drafts.push(mapFlatRecord(record, { file, path: `[${index}]` }, defaults));
    else result.issues.push({ location: { file, path: `[${index}]` }, reason: 'is not a JSON object' });
  });
  return result;
}
