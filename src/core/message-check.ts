import { extractLinks } from '../links/extract-links.js';
import { CONFIDENT_MATCH, type LookupOptions, type LookupService } from './lookup.js';
import { messages } from './messages.js';
import type { Reply, ResultItem } from './reply.js';

/** Sentences shorter than this are greetings and reactions, not claims worth a lookup. */
const MIN_CLAIM_WORDS = 4;
const MAX_PARTS = 8;
const MAX_RESULTS = 5;

export interface ChatMessage {
  text: string;
  /** Links the platform already extracted (Slack's `<url|label>`, embeds); merged with links found in text. */
  links?: readonly string[];
}

/**
 * Checks a whole chat message: each link and each claim-like sentence is looked up separately, then
 * the answers are merged (best score per fact-check wins) so one message gives one reply.
 */
export async function checkMessage(
  lookup: LookupService,
  message: ChatMessage,
  options: Pick<LookupOptions, 'scope' | 'record'> = {},
): Promise<Reply> {
  const links = dedupe([...(message.links ?? []), ...extractLinks(message.text)]);
  const sentences = claimLikeSentences(stripLinks(message.text, links));
  const query = summarise(message.text, links);
  if (links.length === 0 && sentences.length === 0) {
    const reply: Reply = { kind: 'notice', tone: 'info', text: message.text.trim() ? messages.nothingClaimLike : messages.emptyMessage };
    return reply;
  }

  const parts = [...links, ...sentences].slice(0, MAX_PARTS);
  const outcomes = await Promise.all(parts.map((part) => lookup.lookup(part, { scope: options.scope, record: options.record, limit: 3 })));
  const best = new Map<string, ResultItem>();
  parts.forEach((part, index) => {
    for (const result of outcomes[index]!.results) {
      const previous = best.get(result.id);
      if (!previous || result.score > previous.score) best.set(result.id, { ...result, matchedPart: part });
    }
  });
  const ranked = [...best.values()].sort((a, b) => b.score - a.score);
  const confident = ranked.filter((result) => result.score >= CONFIDENT_MATCH);
  if (confident.length > 0) return { kind: 'results', query, results: confident.slice(0, MAX_RESULTS) };
  return {
    kind: 'no-match',
    query,
    message: ranked.length > 0 ? messages.noConfidentMatch : messages.noMatchAtAll,
    suggestions: ranked.slice(0, 3),
  };
}

/** Splits text into sentences and keeps those long enough to state something checkable. */
export function claimLikeSentences(text: string): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  const sentences = [...segmenter.segment(text)]
    .map((segment) => segment.segment.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.split(' ').filter((word) => /\p{L}|\p{N}/u.test(word)).length >= MIN_CLAIM_WORDS)
    .filter((sentence) => !/\?$/.test(sentence) || sentence.split(' ').length >= 8);
  return dedupe(sentences);
}

function stripLinks(text: string, links: readonly string[]): string {
  let stripped = text;
  for (const link of links) stripped = stripped.split(link).join(' ');
  return stripped.replace(/\bhttps?:\/\/\S+/gi, ' ');
}

function summarise(text: string, links: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat) return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
  return links.join(' ');
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}
