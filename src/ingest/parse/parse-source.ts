import path from 'node:path';
import type { DraftDefaults } from '../claim-draft.js';
import { isObject, typesOf } from '../json-ld-values.js';
import { isFactCheckApiDocument } from '../map-factcheck-api.js';
import type { ImportFormat, KnownFormat, ParsedSource } from '../types.js';
import { parseCsv } from './parse-csv.js';
import { parseClaimReview, parseFactCheckApi, parseJsonRecords, parseJsonText } from './parse-json-document.js';
import { parseJsonl } from './parse-jsonl.js';

/**
 * Reads a source in the given format, or in the one `detectFormat` picks for `auto`. Never throws
 * for bad content: what cannot be read is returned as issues with file and line or path.
 */
export function parseSource(text: string, options: { file: string; format: ImportFormat; defaults?: DraftDefaults }): ParsedSource {
  const { file, defaults } = options;
  const format = options.format === 'auto' ? detectFormat(text, file) : options.format;
  switch (format) {
    case 'jsonl': {
      // A JSON array of flat records is accepted as the same shape, written as one document.
      if (text.trimStart().startsWith('[')) {
        const parsed = parseJsonText(text, file);
        if (Array.isArray(parsed.value)) return parseJsonRecords(parsed.value, file, defaults);
      }
      return parseJsonl(text, file, defaults);
    }
    case 'csv':
      return parseCsv(text, file, defaults);
    case 'claimreview':
      return parseClaimReview(text, file, defaults);
    case 'factcheck-api':
      return parseFactCheckApi(text, file, defaults);
  }
}

/**
 * Guesses a source's format: from the extension when it is telling (`.jsonl`, `.csv`, `.html`),
 * else from the content (HTML, a JSON document's shape, JSON lines, or CSV).
 */
export function detectFormat(text: string, file: string): KnownFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.csv') return 'csv';
  if (extension === '.html' || extension === '.htm') return 'claimreview';

  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return 'claimreview';
  if (start.startsWith('{') || start.startsWith('[')) {
    const parsed = parseJsonText(text, file);
    if (parsed.value === undefined) {
      // Not one JSON document: JSON lines if its first line parses alone.
      return parseJsonText(start.split('\n', 1)[0] ?? '', file).value !== undefined ? 'jsonl' : 'claimreview';
    }
    if (isFactCheckApiDocument(parsed.value)) return 'factcheck-api';
    if (mentionsClaimReview(parsed.value)) return 'claimreview';
    return Array.isArray(parsed.value) ? 'jsonl' : 'claimreview';
  }
  return 'csv';
}

function mentionsClaimReview(value: unknown, depth = 0): boolean {
  if (depth > 4) return false;
  if (Array.isArray(value)) return value.slice(0, 20).some((item) => mentionsClaimReview(item, depth + 1));
  if (!isObject(value)) return false;
  if (typesOf(value).includes('ClaimReview')) return true;
  return Object.values(value).some((child) => typeof child === 'object' && mentionsClaimReview(child, depth + 1));
}
