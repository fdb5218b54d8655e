import { LookupService } from '../../core/lookup.js';
import type { ClaimReview } from '../../model/claim-review.js';
import { SemanticLayer } from '../../semantic/semantic-layer.js';
import { MemoryStore } from '../../store/memory-store.js';
import type { Store } from '../../store/store.js';
import type { BenchEngine } from './engine.js';

/**
 * factdesk itself, as the bot runs it by default on a store of this size (FACTDESK_SEMANTIC=auto:
 * with the sentence encoder): the claims in a store (validated on the way in), the index built from
 * it by `LookupService.fromStore`, every claim embedded, each query through `lookup` (the very path
 * of /factcheck, links included) with its results read back from the store.
 */
export async function factdeskEngine(claims: readonly ClaimReview[]): Promise<BenchEngine> {
  return engineOver(claims, SemanticLayer.start());
}

/** The same without the sentence encoder (FACTDESK_SEMANTIC=off, large stores, or while claims are being embedded). */
export async function lexicalEngine(claims: readonly ClaimReview[]): Promise<BenchEngine> {
  return engineOver(claims, undefined);
}

async function engineOver(claims: readonly ClaimReview[], semantic: SemanticLayer | undefined): Promise<BenchEngine> {
  return engineOverStore(new MemoryStore({ claims: [...claims] }), semantic);
}

/** factdesk over a store of any kind (the scale bench's PostgreSQL one), ranking with the semantic layer when given one. */
export async function engineOverStore(store: Store, semantic: SemanticLayer | undefined): Promise<BenchEngine> {
  const lookup = await LookupService.fromStore(store, { semantic });
  // Measured once searchable in full: a bot's first moments after a start also index links and embed claims.
  await Promise.all([lookup.allLinksIndexed(), lookup.allClaimsEmbedded()]);
  return { ...lookupEngine(lookup), close: async () => semantic?.close() };
}

export function lookupEngine(lookup: LookupService): BenchEngine {
  return {
    async rank(query, limit) {
      const outcome = await lookup.lookup(query, { limit });
      return outcome.results.map((result) => ({ id: result.id, score: result.score }));
    },
  };
}
