import Fuse from 'fuse.js';
import type { ClaimReview } from '../../model/claim-review.js';
import type { BenchEngine } from './engine.js';

/**
 * fuse.js with its default options over claim and title: what a bot gets from the most used
 * JavaScript fuzzy-search library out of the box. It compares the query with every entry, so
 * it takes seconds per query at 10,000 claims: run it with --limit.
 */
export function fuseEngine(claims: readonly ClaimReview[]): BenchEngine {
  const fuse = new Fuse(claims, { keys: ['claim', 'title'] });
  return {
    async rank(query, limit) {
      // fuse.js scores 0 (exact) .. 1 (no match); flipped so higher is better, as in the run file.
      return fuse.search(query, { limit }).map((result) => ({ id: result.item.id, score: 1 - (result.score ?? 1) }));
    },
  };
}
