import { VERDICT_LABELS, VERDICTS } from '../model/verdict.js';
import type { StoreStats } from './store-stats.js';

const number = (value: number) => value.toLocaleString('en-US');

/** `factcheck-stats` as plain text lines, which every adapter can show. */
export function renderStats(stats: StoreStats): string {
  const lines = [
    `Fact-check store: ${number(stats.claims + stats.articles)} entries (${number(stats.claims)} claims, ${number(stats.articles)} articles).`,
    `By verdict: ${VERDICTS.filter((verdict) => stats.byVerdict[verdict] > 0)
      .map((verdict) => `${VERDICT_LABELS[verdict]} ${number(stats.byVerdict[verdict])}`)
      .join(' · ') || 'none yet'}.`,
    `This week: ${number(stats.lookups.total)} lookup${stats.lookups.total === 1 ? '' : 's'}, ` +
      `${number(stats.lookups.confident)} with a confident match, ${number(stats.lookups.unanswered)} without.`,
  ];
  if (stats.topClaims.length > 0) {
    lines.push('Most looked-up fact-checks this week:');
    stats.topClaims.forEach(({ id, claim, count }, index) => {
      const what = claim ? `“${clip(claim.claim)}” (${VERDICT_LABELS[claim.verdict]}, ${claim.reviewer.name})` : `${id} (no longer in the store)`;
      lines.push(`  ${index + 1}. ${what}: ${count} lookup${count === 1 ? '' : 's'}`);
    });
  }
  if (stats.topUnanswered.length > 0) {
    lines.push('Asked most without a confident match:');
    stats.topUnanswered.forEach(({ query, count }, index) => lines.push(`  ${index + 1}. “${clip(query)}”: ${count} time${count === 1 ? '' : 's'}`));
  }
  lines.push(`Open fact-check requests: ${number(stats.openRequests)}${stats.openRequests > 0 ? ' (see /factcheck-requests)' : ''}.`);
  return lines.join('\n');
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat;
}
