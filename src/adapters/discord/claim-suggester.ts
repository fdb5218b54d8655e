import Fuse, { type IFuseOptions } from 'fuse.js';
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { ClaimReview } from '../../model/claim-review.js';
import { VERDICT_LABELS } from '../../model/verdict.js';
import { normalizeText } from '../../search/normalize.js';
import { plainText } from './escape.js';
import { DISCORD_LIMITS, clip, truncate } from './limits.js';

/** Where suggestions come from: the lookup service's text index, unfinished last word completed. */
export interface ClaimSource {
  suggestClaims(typed: string, limit: number): Promise<readonly ClaimReview[]>;
}

const MIN_TYPED = 2;
/** Candidates asked of the index per keystroke; fuse.js then orders this short list. */
const CANDIDATES = 60;
const FUSE_OPTIONS: IFuseOptions<ClaimReview> = {
  keys: [
    { name: 'claim', weight: 0.7 },
    { name: 'title', weight: 0.3 },
  ],
  includeScore: true,
  ignoreLocation: true,
  ignoreDiacritics: true,
  threshold: 0.4,
};

/**
 * Suggestions for `/factcheck query` as the user types (Discord drops answers after 3 seconds).
 * The text index finds candidates (typos forgiven, the word being typed completed), so a
 * keystroke costs a search and a read of a few dozen claims however large the store; claims
 * holding a word starting with every typed word come first, and fuse.js orders each group by
 * how close the claim reads to what was typed.
 */
export class ClaimSuggester {
  constructor(private readonly source: ClaimSource) {}

  async suggest(typed: string, limit: number = DISCORD_LIMITS.autocompleteChoices): Promise<APIApplicationCommandOptionChoice<string>[]> {
    const text = typed.trim();
    // A link is looked up as a link; claim texts would only be noise.
    if (text.length < MIN_TYPED || /^(https?:\/\/|www\.)/i.test(text)) return [];
    const max = Math.min(limit, DISCORD_LIMITS.autocompleteChoices);
    const choices = new Map<string, APIApplicationCommandOptionChoice<string>>();
    for (const claim of rank(text, await this.source.suggestClaims(typed, CANDIDATES))) {
      const value = clip(claim.claim, DISCORD_LIMITS.choiceValue);
      if (!value || choices.has(value)) continue;
      choices.set(value, { name: choiceName(claim), value });
      if (choices.size === max) break;
    }
    return [...choices.values()];
  }
}

/** Claims with a word starting with every typed word first; fuse.js orders each group, index order breaks ties. */
function rank(text: string, candidates: readonly ClaimReview[]): ClaimReview[] {
  if (candidates.length === 0) return [];
  const typedWords = foldWords(text).trim().split(' ').filter(Boolean);
  const complete = new Set(
    candidates.filter((claim) => {
      const words = foldWords(`${claim.claim} ${claim.title ?? ''}`);
      return typedWords.every((word) => words.includes(` ${word}`));
    }),
  );
  const fuse = new Fuse(candidates, FUSE_OPTIONS);
  const closeness = new Map(fuse.search(text).map((hit) => [hit.item, hit.score ?? 1]));
  const position = new Map(candidates.map((claim, index) => [claim, index]));
  return [...candidates].sort(
    (a, b) =>
      Number(complete.has(b)) - Number(complete.has(a)) ||
      (closeness.get(a) ?? 1) - (closeness.get(b) ?? 1) ||
      position.get(a)! - position.get(b)!,
  );
}

/** Lower case, accents folded, punctuation as spaces: ` the verrow bridge was closed`. */
function foldWords(text: string): string {
  return ` ${normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, ' ')}`;
}

/** "False · The claim as checked", within Discord's 100 characters. */
function choiceName(claim: ClaimReview): string {
  const text = plainText(`${VERDICT_LABELS[claim.verdict]} · ${claim.claim.replace(/\s+/g, ' ').trim()}`);
  return truncate(text, DISCORD_LIMITS.choiceName);
}
