import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { CommandSummary, Reply, ResultItem } from '../../core/reply.js';
import { VERDICT_LABELS } from '../../model/verdict.js';
import { escapeText, markdownLink, plainText, safeUrl } from './escape.js';
import { DISCORD_LIMITS, truncate } from './limits.js';
import { NEUTRAL_COLOR, VERDICT_COLORS } from './verdict-colors.js';
import { discordMessages } from './discord-messages.js';

/** The best result gets a full card; this many more are shown compactly beneath it. */
export const MORE_RESULTS_SHOWN = 2;
const STALE_AFTER_MS = 365 * 24 * 60 * 60 * 1000;
const FOOTER_QUERY_LENGTH = 200;
const ERROR_COLOR = 0xd0021b;

export interface EmbedRenderOptions {
  /** For the staleness note; injected so tests do not depend on the clock. */
  now?: Date;
  /** How a command is reached on Discord when it is not a slash command (`check-message` → "Apps → Check claim"). */
  commandHints?: Readonly<Record<string, string>>;
}

/** Renders a Reply as Discord embeds, escaping every text and keeping within every embed limit. */
export function renderEmbeds(reply: Reply, options: EmbedRenderOptions = {}): APIEmbed[] {
  const now = options.now ?? new Date();
  switch (reply.kind) {
    case 'results': {
      const [best, ...others] = reply.results;
      if (!best) return fitEmbeds([noticeEmbed(discordMessages.nothingToShow, 'info')]);
      return fitEmbeds([
        resultCard(best, reply.query, reply.note, now),
        ...others.slice(0, MORE_RESULTS_SHOWN).map((result) => compactResult(result, now)),
      ]);
    }
    case 'no-match':
      return fitEmbeds([noMatchEmbed(reply)]);
    case 'notice':
      return fitEmbeds(noticeEmbeds(reply.text, reply.tone));
    case 'help':
      return fitEmbeds([helpEmbed(reply.intro, reply.commands, options.commandHints ?? {})]);
  }
}

function resultCard(result: ResultItem, query: string, note: string | undefined, now: Date): APIEmbed {
  const description = [
    note ? `⚠️ ${escapeText(note)}` : undefined,
    result.context ? escapeText(result.context) : undefined,
    staleness(result, now),
    result.sample ? `_${discordMessages.sampleEntry}_` : undefined,
  ].filter(Boolean);
  const fields: APIEmbedField[] = [
    field('Verdict', verdictText(result), true),
    field(result.kind === 'article' ? 'Published by' : 'Checked by', sourceText(result), true),
  ];
  if (result.claimant) fields.push(field('Said by', escapeText(result.claimant), true));
  fields.push(field('Why it matched', whyText(result), false));
  return {
    color: VERDICT_COLORS[result.verdict],
    title: truncate(escapeText(result.title), DISCORD_LIMITS.embedTitle),
    ...optionalUrl(result.source.url),
    ...(description.length > 0 ? { description: truncate(description.join('\n\n'), DISCORD_LIMITS.embedDescription) } : {}),
    fields,
    footer: { text: truncate(plainText(`Searched for: ${flatten(query)}`), FOOTER_QUERY_LENGTH) },
  };
}

function compactResult(result: ResultItem, now: Date): APIEmbed {
  const lines = [
    `${verdictText(result)} · ${sourceText(result)}`,
    whyText(result),
    staleness(result, now),
  ].filter(Boolean);
  return {
    color: VERDICT_COLORS[result.verdict],
    title: truncate(escapeText(result.title), DISCORD_LIMITS.embedTitle),
    ...optionalUrl(result.source.url),
    description: truncate(lines.join('\n'), DISCORD_LIMITS.embedDescription),
  };
}

function noMatchEmbed(reply: Extract<Reply, { kind: 'no-match' }>): APIEmbed {
  const suggestions = reply.suggestions.slice(0, 1 + MORE_RESULTS_SHOWN).map(
    (result) =>
      `• ${markdownLink(truncate(result.title, 200), result.source.url)} (${VERDICT_LABELS[result.verdict]}, ${escapeText(result.source.name)}; ${percent(result.score)} similar)`,
  );
  return {
    color: NEUTRAL_COLOR,
    title: discordMessages.noConfidentMatchTitle,
    description: truncate([escapeText(reply.message), ...suggestions].join('\n'), DISCORD_LIMITS.embedDescription),
    footer: { text: truncate(plainText(`Searched for: ${flatten(reply.query)}`), FOOTER_QUERY_LENGTH) },
  };
}

/**
 * A notice too long for one embed (a staff list) continues in the next ones, split between
 * lines; the last one shown is shortened when the message's 6,000 characters run out.
 */
function noticeEmbeds(text: string, tone: 'info' | 'error'): APIEmbed[] {
  const chunks: string[] = [];
  let chunk = '';
  for (const line of text.split('\n')) {
    if (chunk && escapeText(`${chunk}\n${line}`).length > DISCORD_LIMITS.embedDescription) {
      chunks.push(chunk);
      chunk = line;
    } else {
      chunk = chunk ? `${chunk}\n${line}` : line;
    }
  }
  chunks.push(chunk);
  const embeds: APIEmbed[] = [];
  let room = DISCORD_LIMITS.embedsTotal;
  for (const part of chunks.slice(0, DISCORD_LIMITS.embedsPerMessage)) {
    if (room <= 1) break;
    const embed = noticeEmbed(part, tone, Math.min(room, DISCORD_LIMITS.embedDescription));
    embeds.push(embed);
    room -= embed.description?.length ?? 0;
  }
  return embeds;
}

function noticeEmbed(text: string, tone: 'info' | 'error', max: number = DISCORD_LIMITS.embedDescription): APIEmbed {
  return {
    color: tone === 'error' ? ERROR_COLOR : NEUTRAL_COLOR,
    description: truncate(escapeText(text), max),
  };
}

function helpEmbed(intro: string, commands: readonly CommandSummary[], hints: Readonly<Record<string, string>>): APIEmbed {
  return {
    color: NEUTRAL_COLOR,
    title: 'factdesk',
    description: truncate(escapeText(intro), DISCORD_LIMITS.embedDescription),
    fields: commands
      .slice(0, DISCORD_LIMITS.embedFields)
      .map((command) => field(hints[command.name] ?? `/${command.usage}`, escapeText(command.description), false)),
  };
}

function verdictText(result: ResultItem): string {
  const label = VERDICT_LABELS[result.verdict];
  // An article's label is the publisher's claim about itself, not a fact-checker's rating.
  const ratedBy = result.kind === 'article' ? 'labelled by its publisher' : 'rated';
  const rated = result.rating.trim().toLowerCase() === label.toLowerCase() ? '' : ` · ${ratedBy} “${escapeText(result.rating)}”`;
  return `**${label}**${rated}`;
}

function sourceText(result: ResultItem): string {
  const date = formatDate(result.date);
  return `${escapeText(result.source.name)}${date ? `, ${date}` : ''}`;
}

function whyText(result: ResultItem): string {
  const how = discordMessages.matchReasons[result.reason];
  const part = result.matchedPart ? ` for “${escapeText(truncate(flatten(result.matchedPart), 120))}”` : '';
  return `${how}, ${percent(result.score)} confidence${part}`;
}

function staleness(result: ResultItem, now: Date): string | undefined {
  if (!result.date) return undefined;
  const checked = Date.parse(result.date);
  if (Number.isNaN(checked) || now.getTime() - checked <= STALE_AFTER_MS) return undefined;
  return `🕰️ ${discordMessages.stale(formatDate(result.date)!)}`;
}

function field(name: string, value: string, inline: boolean): APIEmbedField {
  return {
    name: truncate(name, DISCORD_LIMITS.fieldName),
    value: truncate(value || '—', DISCORD_LIMITS.fieldValue),
    inline,
  };
}

function optionalUrl(url: string | undefined): { url?: string } {
  const safe = safeUrl(url);
  return safe ? { url: safe } : {};
}

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Characters Discord counts towards the 6,000 shared by a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, { name, value }) => sum + name.length + value.length, 0)
  );
}

/**
 * Keeps a message's embeds within the shared limits: at most 10 embeds, 25 fields each, and
 * 6,000 characters in all. Later (less relevant) embeds go first, then the first one's description shrinks.
 */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const fitted = embeds
    .slice(0, DISCORD_LIMITS.embedsPerMessage)
    .map((embed) => (embed.fields ? { ...embed, fields: embed.fields.slice(0, DISCORD_LIMITS.embedFields) } : embed));
  const total = () => fitted.reduce((sum, embed) => sum + embedLength(embed), 0);
  while (fitted.length > 1 && total() > DISCORD_LIMITS.embedsTotal) fitted.pop();
  const first = fitted[0];
  if (first?.description && total() > DISCORD_LIMITS.embedsTotal) {
    const room = first.description.length - (total() - DISCORD_LIMITS.embedsTotal);
    if (room > 0) fitted[0] = { ...first, description: truncate(first.description, room) };
    else {
      const { description: _dropped, ...rest } = first;
      fitted[0] = rest;
    }
  }
  while (total() > DISCORD_LIMITS.embedsTotal && (fitted[0]?.fields?.length ?? 0) > 0) {
    fitted[0] = { ...fitted[0]!, fields: fitted[0]!.fields!.slice(0, -1) };
  }
  return fitted;
}
