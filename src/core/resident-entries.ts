import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import type { StoredEntries, UpsertResult } from '../store/store.js';

/**
 * Entries held in memory by id, for a lookup service over entries that live in no store
 * (benchmarks, tests): answers the same reads and write a store answers for the lookup service.
 */
export class ResidentEntries {
  private readonly claims = new Map<string, ClaimReview>();
  private readonly articles = new Map<string, Article>();

  /** Adds entries, replacing those with the same id and kind; nothing is persisted, so nothing is counted. */
  async upsert(entries: { claims?: readonly ClaimReview[]; articles?: readonly Article[] }): Promise<UpsertResult> {
    this.put(entries);
    return { added: 0, updated: 0 };
  }

  put(entries: { claims?: readonly ClaimReview[]; articles?: readonly Article[] }): void {
    for (const claim of entries.claims ?? []) this.claims.set(claim.id, claim);
    for (const article of entries.articles ?? []) this.articles.set(article.id, article);
  }

  async getEntries(ids: readonly string[]): Promise<StoredEntries> {
    const unique = [...new Set(ids)];
    return {
      claims: unique.flatMap((id) => this.claims.get(id) ?? []),
      articles: unique.flatMap((id) => this.articles.get(id) ?? []),
    };
  }
}
