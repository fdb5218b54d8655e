import Fuse from 'fuse.js';
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { ClaimReview } from '../../model/claim-review.js';
import { VERDICT_LABELS } from '../../model/verdict.js';
import { plainText } from './escape.js';
import { DISCORD_LIMITS, clip, truncate } from './limits.js';

/** What the suggester reads: the lookup service's claims, and a counter that changes when they do. */
export interface ClaimSource {
  listClaims(): readonly ClaimReview[];
  readonly revision: number;
}

const MIN_TYPED = 2;

/**
 * Suggestions for `/factcheck query` as the user types: a fuse.js index over claim texts and
 * fact-check headlines, rebuilt only when the lookup service's entries change, so each keystroke
 * is a single in-memory search (Discord drops autocomplete answers after 3 seconds).
 */
export class ClaimSuggester {
  private fuse: Fuse<ClaimReview> | undefined;
  private builtFor = -1;

  constructor(private readonly source: ClaimSource) {}

  suggest(typed: string, limit: number = DISCORD_LIMITS.autocompleteChoices): APIApplicationCommandOptionChoice<string>[] {
    const text = typed.trim();
    // A link is looked up as a link; claim titles would only be noise.
    if (text.length < MIN_TYPED || /^(https?:\/\/|www\.)/i.test(text)) return [];
    const max = Math.min(limit, DISCORD_LIMITS.autocompleteChoices);
    const choices = new Map<string, APIApplicationCommandOptionChoice<string>>();
    for (const { item } of this.index().search(text, { limit: max * 2 })) {
      const value = clip(item.claim, DISCORD_LIMITS.choiceValue);
      if (!value || choices.has(value)) continue;
      choices.set(value, { name: choiceName(item), value });
      if (choices.size === max) break;
    }
    return [...choices.values()];
  }

  private index(): Fuse<ClaimReview> {
    if (!this.fuse || this.builtFor !== this.source.revision) {
      this.builtFor = this.source.revision;
      this.fuse = new Fuse([...this.source.listClaims()], {
        keys: [
          { name: 'claim', weight: 0.7 },
          { name: 'title', weight: 0.3 },
        ],
        threshold: 0.4,
        ignoreLocation: true,
        ignoreDiacritics: true,
        minMatchCharLength: MIN_TYPED,
      });
    }
    return this.fuse;
  }
}

/** "False · The claim as checked", within Discord's 100 characters. */
function choiceName(claim: ClaimReview): string {
  const text = plainText(`${VERDICT_LABELS[claim.verdict]} · ${claim.claim.replace(/\s+/g, ' ').trim()}`);
  return truncate(text, DISCORD_LIMITS.choiceName);
}
