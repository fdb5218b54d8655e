import { parse } from 'csv-parse/sync';
import type { DraftDefaults } from '../claim-draft.js';
import { isKnownKey, mapFlatRecord } from '../map-flat-record.js';
import type { ParsedSource } from '../types.js';

interface CsvRow {
  record: string[];
  info: { lines: number; empty_lines: number };
}

/**
 * A CSV file with a header row naming the columns (see the README, "Import", and
 * data/import-template.csv). Each row is a flat record; lists (`appearances`, `tags`) are
 * separated by `|`. A row with the wrong number of cells is one bad record; a broken quote
 * stops the file, since no row after it can be trusted.
 */
export function parseCsv(text: string, file: string, defaults: DraftDefaults = {}): ParsedSource {
  const result: ParsedSource = { format: 'csv', drafts: [], issues: [], warnings: [] };
  let rows: CsvRow[];
  try {
    rows = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as CsvRow[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    result.issues.push({ location: { file, line }, reason: `is not valid CSV: ${(error as Error).message.replace(/^Invalid \w+:\s*/, '')}` });
    return result;
  }
  const [header, ...body] = rows;
  if (!header) return result;
  const columns = header.record;
  const unknown = columns.filter((column) => column && !isKnownKey(column));
  if (!columns.some((column) => isKnownKey(column))) {
    result.issues.push({ location: { file, line: 1 }, reason: 'has no header row naming known columns (claim, rating, reviewer, review_url…)' });
    return result;
  }
  if (unknown.length > 0) {
    result.warnings.push(`${file}: column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')} ignored: factdesk does not know ${unknown.length > 1 ? 'them' : 'it'} (see the README, "Import")`);
  }

  let previousEnd = header.info.lines;
  let previousEmpty = header.info.empty_lines;
  for (const row of body) {
    // csv-parse reports where a row ends; a quoted cell may span lines, so count from the row before.
    const line = previousEnd + 1 + (row.info.empty_lines - previousEmpty);
    previousEnd = row.info.lines;
    previousEmpty = row.info.empty_lines;
    if (row.record.length !== columns.length) {
      result.issues.push({ location: { file, line }, reason: `has ${row.record.length} cells, the header has ${columns.length}` });
      continue;
    }
    const record = Object.fromEntries(columns.map((column, index) => [column, row.record[index]]));
    result.drafts.push(mapFlatRecord(record, { file, line }, defaults));
  }
  return result;
}
