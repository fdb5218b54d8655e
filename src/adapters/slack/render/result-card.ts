import type { ResultItem } from '../../../core/reply.js';
import { VERDICT_LABELS } from '../../../model/verdict.js';
import { escapeMrkdwn, mrkdwnLink } from '../escape.js';
import { INTERACTION_IDS } from '../interactions.js';
import { SLACK_LIMITS, truncate } from '../limits.js';
import { slackMessages } from '../slack-messages.js';
import { VERDICT_STYLES } from '../verdict-style.js';
import { actions, button, context, fieldsSection, section, type Block, type ButtonElement } from './blocks.js';

/** Enough to say why; the full reasoning is one click away on the fact-check. */
const CONTEXT_CHARS = 600;
const TITLE_CHARS = 500;
const COMPACT_TITLE_CHARS = 160;
const MATCHED_PART_CHARS = 200;

/** `:x: *False* · rated “Pants on Fire”`: our canonical verdict beside the publisher's own words. */
export function verdictLine(result: ResultItem): string {
  const { emoji } = VERDICT_STYLES[result.verdict];
  const own = result.kind === 'article' ? slackMessages.articleLabel(result.rating) : slackMessages.claimRating(result.rating);
  return `${emoji} *${VERDICT_LABELS[result.verdict]}* · ${escapeMrkdwn(own)}`;
}

export function matchReasonText(result: ResultItem): string {
  const percent = Math.round(result.score * 100);
  if (result.reason === 'url') return slackMessages.matchedByUrl;
  if (result.reason === 'url-words') return slackMessages.matchedByUrlWords(percent);
  return slackMessages.matchedByText(percent);
}

/** A review older than a year may have been overtaken by events; the card says so. */
export function isStale(date: string | undefined, now: Date): boolean {
  if (!date) return false;
  const reviewed = new Date(date);
  if (Number.isNaN(reviewed.getTime())) return false;
  const anniversary = new Date(reviewed);
  anniversary.setUTCFullYear(anniversary.getUTCFullYear() + 1);
  return anniversary.getTime() < now.getTime();
}

export function displayDate(date: string | undefined): string | undefined {
  return date?.slice(0, 10);
}

/** The full card for the best result: verdict, claim, who checked it and when, why it matched, context. */
export function resultCardBlocks(result: ResultItem, options: { now: Date; buttons?: ButtonElement[] }): Block[] {
  const date = displayDate(result.date);
  const label = result.kind === 'article' ? 'Article' : 'Claim';
  const claimant = result.claimant ? `\n_Claimed by ${escapeMrkdwn(truncate(result.claimant, 200))}_` : '';
  const fields = [
    { label: result.kind === 'article' ? 'Published by' : 'Checked by', value: escapeMrkdwn(result.source.name) },
    ...(date ? [{ label: result.kind === 'article' ? 'Published' : 'Reviewed', value: date }] : []),
    { label: 'Why it matched', value: matchReasonText(result) },
    ...(result.matchedPart
      ? [{ label: 'Part of the message', value: escapeMrkdwn(truncate(result.matchedPart, MATCHED_PART_CHARS)) }]
      : []),
  ];
  const notes = [
    ...(isStale(result.date, options.now) && date ? [slackMessages.stale(date)] : []),
    ...(result.sample ? [slackMessages.sample] : []),
  ];
  return [
    section(verdictLine(result)),
    section(`*${label}:* ${escapeMrkdwn(truncate(result.title, TITLE_CHARS))}${claimant}`),
    fieldsSection(fields),
    ...(result.context ? [section(escapeMrkdwn(truncate(result.context, CONTEXT_CHARS)))] : []),
    ...(notes.length > 0 ? [context(...notes)] : []),
    ...optional(actions(options.buttons ?? [])),
  ];
}

/** One line per result (verdict, linked title, who and when), for "more results" and suggestions. */
export function compactResultLines(results: readonly ResultItem[]): string {
  return results
    .map((result) => {
      const { emoji } = VERDICT_STYLES[result.verdict];
      const title = mrkdwnLink(result.source.url, truncate(result.title, COMPACT_TITLE_CHARS));
      const meta = [result.source.name, displayDate(result.date), matchReasonText(result)].filter(Boolean).join(', ');
      return `• ${emoji} *${VERDICT_LABELS[result.verdict]}*: ${title} (${escapeMrkdwn(meta)})`;
    })
    .join('\n');
}

/** Plain summary for notifications and clients that cannot show blocks. */
export function resultFallbackText(result: ResultItem): string {
  return escapeMrkdwn(`${VERDICT_LABELS[result.verdict]}: ${truncate(result.title, 200)} (${result.source.name})`);
}

/** A link button to the fact-check (or article); only ever a stored http(s) URL. */
export function readButton(result: ResultItem): ButtonElement[] {
  const url = result.source.url;
  if (!url || !/^https?:\/\//i.test(url) || url.length > SLACK_LIMITS.buttonUrl) return [];
  const text = result.kind === 'article' ? slackMessages.readArticle : slackMessages.readFactCheck;
  return [button({ actionId: INTERACTION_IDS.openLink, text, url })];
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
