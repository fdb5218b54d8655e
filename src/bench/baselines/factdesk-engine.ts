import { LookupService } from '../../core/lookup.js';
import type { ClaimReview } from '../../model/claim-review.js';
import type { BenchEngine } from './engine.js';

/** factdesk itself, through `LookupService.lookup`: the very path of the bot's /factcheck (links included). */
export function factdeskEngine(claims: readonly ClaimReview[]): BenchEngine {
  return lookupEngine(LookupService.fromEntries({ claims }));
}

export function lookupEngine(lookup: LookupService): BenchEngine {
  return {
    async rank(query, limit) {
      const outcome = await lookup.lookup(query, { limit });
      return outcome.results.map((result) => ({ id: result.id, score: result.score }));
    },
  };
}
