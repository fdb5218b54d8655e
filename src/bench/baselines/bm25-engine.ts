import MiniSearch from 'minisearch';
import type { ClaimReview } from '../../model/claim-review.js';
import type { BenchEngine } from './engine.js';

/**
 * Plain BM25: MiniSearch with its defaults (OR of the query words, no stemming, no stopwords)
 * over claim, title and summary. The textbook lexical baseline.
 */
export function bm25Engine(claims: readonly ClaimReview[]): BenchEngine {
  const search = new MiniSearch<ClaimReview>({ fields: ['claim', 'title', 'summary'], storeFields: [] });
  search.addAll(claims);
  return {
    async rank(query, limit) {
      return search.search(query).slice(0, limit).map((result) => ({ id: String(result.id), score: result.score }));
    },
  };
}
