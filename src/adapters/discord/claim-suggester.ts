import Fuse, { type IFuseOptions } from 'fuse.js';
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { ClaimReview } from '../../model/claim-review.js';
import { VERDICT_LABELS } from '../../model/verdict.js';
import { normalizeText } from '../../search/normalize.js';
import { plainText } from './escape.js';
import { DISCORD_LIMITS, clip, truncate } from './limits.js';

/** What the suggester reads: the lookup service's claims, and a counter that changes when they do. */
export interface ClaimSource {
  allClaims(): Promise<readonly ClaimReview[]>;
  readonly revision: number;
}

const MIN_TYPED = 2;
/** fuse.js time grows with pattern length × entries, so it only ever ranks a short list of candidates. */
const MAX_CANDIDATES = 300;
/** A single misspelled word matches no word start; fuse then scans every claim, so only for short input. */
const TYPO_SCAN_MAX_LENGTH = 12;
const MAX_QUERY_WORDS = 16;
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

interface Entry {
  claim: ClaimReview;
  /** Folded words of claim and headline, space-separated with a leading space, for word-start tests. */
  words: string;
}

/**
 * Suggestions for `/factcheck query` as the user types (Discord drops answers after 3 seconds).
 * Claims whose words start with what was typed are found by a plain scan, then fuse.js ranks
 * that short list, forgiving typos; fuse never runs over a large store with a long pattern,
 * which would take seconds. The word list is rebuilt only when the lookup service's entries change.
 */
export class ClaimSuggester {
  private entries: Entry[] = [];
  private builtFor = -1;
  /** The word list being built, so keystrokes arriving meanwhile wait for one build, not start their own. */
  private building: { revision: number; done: Promise<Entry[]> } | undefined;

  constructor(private readonly source: ClaimSource) {}

  async suggest(typed: string, limit: number = DISCORD_LIMITS.autocompleteChoices): Promise<APIApplicationCommandOptionChoice<string>[]> {
    const text = typed.trim();
    // A link is looked up as a link; claim texts would only be noise.
    if (text.length < MIN_TYPED || /^(https?:\/\/|www\.)/i.test(text)) return [];
    const max = Math.min(limit, DISCORD_LIMITS.autocompleteChoices);
    const choices = new Map<string, APIApplicationCommandOptionChoice<string>>();
    for (const claim of this.rank(text, await this.index())) {
      const value = clip(claim.claim, DISCORD_LIMITS.choiceValue);
      if (!value || choices.has(value)) continue;
      choices.set(value, { name: choiceName(claim), value });
      if (choices.size === max) break;
    }
    return [...choices.values()];
  }

  /** Claims with every typed word first, then those with most of them; fuse.js orders each group. */
  private rank(text: string, entries: readonly Entry[]): ClaimReview[] {
    const queryWords = foldWords(text).trim().split(' ').filter(Boolean).slice(-MAX_QUERY_WORDS);
    if (queryWords.length === 0) return [];
    const scored: { entry: Entry; matched: number }[] = [];
    for (const entry of entries) {
      const matched = queryWords.filter((word) => entry.words.includes(` ${word}`)).length;
      if (matched > 0) scored.push({ entry, matched });
    }
    const candidates =
      scored.length > 0
        ? scored.sort((a, b) => b.matched - a.matched).slice(0, MAX_CANDIDATES)
        : text.length <= TYPO_SCAN_MAX_LENGTH
          ? entries.map((entry) => ({ entry, matched: 0 }))
          : [];
    if (candidates.length === 0) return [];

    const complete = new Set(candidates.filter((candidate) => candidate.matched === queryWords.length).map((candidate) => candidate.entry.claim));
    const fuse = new Fuse(candidates.map((candidate) => candidate.entry.claim), FUSE_OPTIONS);
    const ranked = fuse.search(text).map((hit) => ({ claim: hit.item, score: hit.score ?? 1 }));
    const found = new Set(ranked.map((hit) => hit.claim));
    // Claims with every typed word are suggested even when fuse finds the whole phrase too far off.
    for (const claim of complete) if (!found.has(claim)) ranked.push({ claim, score: 1 });
    return ranked
      .sort((a, b) => Number(complete.has(b.claim)) - Number(complete.has(a.claim)) || a.score - b.score)
      .map((hit) => hit.claim);
  }

  /** Builds the word list ahead of the first keystroke (a few hundred ms for tens of thousands of claims). */
  async warm(): Promise<void> {
    await this.index();
  }

  private async index(): Promise<Entry[]> {
    const revision = this.source.revision;
    if (this.builtFor === revision) return this.entries;
    if (this.building?.revision !== revision) {
      const done = this.source.allClaims().then((claims) => {
        const entries = claims.map((claim) => ({ claim, words: foldWords(`${claim.claim} ${claim.title ?? ''}`) }));
        if (this.building?.revision === revision) {
          this.entries = entries;
          this.builtFor = revision;
          this.building = undefined;
        }
        return entries;
      });
      this.building = { revision, done };
      done.catch(() => {
        if (this.building?.done === done) this.building = undefined;
      });
    }
    return this.building.done;
  }
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
