import type { z } from 'zod';

/** Fields that identify a record to a person fixing the file, most telling first. */
const RECORD_KEYS = ['id', 'channelKey', 'resultId'] as const;

/**
 * Describes the first problem zod found, naming the record it sits in, e.g.
 * `claims[3] (id "sample-claim-4"): verdict: Invalid option: expected one of ...`.
 * `input` is the value that was validated: the record's id is read from it.
 */
export function describeFirstIssue(error: z.ZodError, input: unknown): string {
  const [issue] = error.issues;
  if (!issue) return 'unknown problem';
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';

  const recordIndex = path.findIndex((key) => typeof key === 'number');
  if (recordIndex < 0) {
    return `${path.length > 0 ? `${formatPath(path)}: ` : ''}${issue.message}${more}`;
  }
  const recordPath = path.slice(0, recordIndex + 1);
  const fieldPath = path.slice(recordIndex + 1);
  const label = recordLabel(valueAt(input, recordPath));
  const field = fieldPath.length > 0 ? `${formatPath(fieldPath)}: ` : '';
  return `${formatPath(recordPath)}${label}: ${field}${issue.message}${more}`;
}

function recordLabel(record: unknown): string {
  if (typeof record !== 'object' || record === null) return '';
  for (const key of RECORD_KEYS) {
    const value = (record as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() !== '') return ` (${key} ${JSON.stringify(value)})`;
  }
  return '';
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** `claims[3].reviewer.url`, the way a person would point at it in the file. */
function formatPath(path: readonly (string | number)[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}
