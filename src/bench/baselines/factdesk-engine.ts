import { LookupService } from '../../core/lookup.js';
import type { ClaimReview } from '../../model/claim-review.js';
import { MemoryStore } from '../../store/memory-store.js';
import type { BenchEngine } from './engine.js';

/**
 * factdesk itself, as the bot runs it: the claims in a store (validated on the way in), the
 * index built from it by `LookupService.fromStore`, each query through `lookup` (the very path of
 * /factcheck, links included) with its results read back from the store.
 */
export async function factdeskEngine(claims: readonly ClaimReview[]): Promise<BenchEngine> {
  const lookup = await LookupService.fromStore(new MemoryStore({ claims: [...claims] }));
  // Measured once searchable in full: a bot's first moments after a start also index links.
  await lookup.allLinksIndexed();
  return lookupEngine(lookup);
}

export function lookupEngine(lookup: LookupService): BenchEngine {
  return {
    async rank(query, limit) {
      const outcome = await lookup.lookup(query, { limit });
      return outcome.results.map((result) => ({ id: result.id, score: result.score }));
    },
  };
}
