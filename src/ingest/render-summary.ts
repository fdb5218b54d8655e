import { VERDICTS } from '../model/verdict.js';
import type { ImportSummary } from './import-summary.js';
import { describeIssue } from './types.js';

/** Issues printed at most; the rest are counted. */
const ISSUES_SHOWN = 20;
const RATINGS_SHOWN = 15;
const number = (value: number) => value.toLocaleString('en-US');

/** The import summary as a person reads it: what was written, how it splits, what needs a look. */
export function renderSummary(summary: ImportSummary): string {
  const { outcomes } = summary;
  const seconds = summary.durationMs / 1000;
  const rate = seconds > 0 ? ` (${number(Math.round(summary.records / seconds))} records/s)` : '';
  const lines = [
    `${summary.file} (${summary.format}): ${number(summary.records)} record${summary.records === 1 ? '' : 's'} read in ${seconds.toFixed(1)} s${rate}.`,
  ];
  lines.push(...summary.warnings.map((warning) => `Note: ${warning}`));

  if (summary.invalid > 0) {
    lines.push(`${number(summary.invalid)} invalid record${summary.invalid === 1 ? '' : 's'}:`);
    lines.push(...summary.issues.slice(0, ISSUES_SHOWN).map((issue) => `  ${describeIssue(issue)}`));
    if (summary.issues.length > ISSUES_SHOWN) lines.push(`  … and ${number(summary.issues.length - ISSUES_SHOWN)} more problems`);
  }
  if (summary.invalid > 0 && summary.skipped === 0) {
    lines.push(summary.dryRun ? 'Dry run: nothing was written; as it stands, this import would be refused.' : 'Nothing was written. Fix these records, or pass --skip-invalid to import the others.');
    return lines.join('\n');
  }

  const verb = summary.dryRun ? 'Would write' : summary.written ? 'Written' : 'Nothing to write';
  lines.push(
    `${summary.dryRun ? 'Dry run, nothing was written. ' : ''}${verb}: ${number(outcomes.added)} added, ${number(outcomes.updated)} updated.` +
      ` Not written: ${number(outcomes.unchanged)} unchanged, ${number(outcomes.stale)} older than the stored review,` +
      ` ${number(outcomes.merged)} merged with another record of this file (same review URL, or near-identical claim from the same reviewer)` +
      `${summary.skipped > 0 ? `, ${number(summary.skipped)} invalid skipped` : ''}.`,
  );
  if (summary.claimsWritten > 0) {
    const verdicts = VERDICTS.filter((verdict) => summary.byVerdict[verdict] > 0).map((verdict) => `${verdict} ${number(summary.byVerdict[verdict])}`);
    const languages = Object.entries(summary.byLanguage).map(([language, count]) => `${language} ${number(count)}`);
    lines.push(`By verdict (${number(summary.claimsWritten)} claims ${summary.dryRun ? 'to write' : 'written'}): ${verdicts.join(' · ')}`);
    lines.push(`By language: ${languages.join(' · ')}`);
  }
  if (summary.unknownRatings.length > 0) {
    const total = summary.unknownRatings.reduce((sum, entry) => sum + entry.count, 0);
    lines.push(`${number(total)} record${total === 1 ? ' has a rating' : 's have ratings'} the verdict table does not know, stored as "other" (extend src/ingest/verdict-table.ts and re-import):`);
    lines.push(...summary.unknownRatings.slice(0, RATINGS_SHOWN).map(({ rating, count }) => `  ${count}× “${clip(rating)}”`));
    if (summary.unknownRatings.length > RATINGS_SHOWN) lines.push(`  … and ${summary.unknownRatings.length - RATINGS_SHOWN} more`);
  }
  if (summary.notRated > 0) lines.push(`${number(summary.notRated)} record${summary.notRated === 1 ? ' has' : 's have'} no rating at all: stored as "other", rated "Not rated".`);
  if (summary.unnamedReviewer > 0) {
    lines.push(`${number(summary.unnamedReviewer)} record${summary.unnamedReviewer === 1 ? ' names' : 's name'} no reviewer and no review URL: stored as "Unknown publisher" (pass --reviewer NAME to name it).`);
  }
  if (summary.answeredRequests > 0) {
    lines.push(`This import answers ${number(summary.answeredRequests)} open fact-check request${summary.answeredRequests === 1 ? '' : 's'}: the bot tells the people who asked, where they asked, when it next starts.`);
  }
  return lines.join('\n');
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
