import type { ClaimReview } from '../../model/claim-review.js';

/** One ranked answer of a bench engine. */
export interface EngineHit {
  id: string;
  score: number;
}

/** Something the bench can rank queries with: factdesk's own lookup or a comparison engine. */
export interface BenchEngine {
  rank(query: string, limit: number): Promise<EngineHit[]>;
  /** Releases what the engine holds outside the heap (the sentence encoder's session). */
  close?(): Promise<void>;
}

export type EngineName = 'factdesk' | 'factdesk-lexical' | 'fuse' | 'bm25';
export const ENGINE_NAMES: readonly EngineName[] = ['factdesk', 'factdesk-lexical', 'fuse', 'bm25'];

export type EngineFactory = (claims: readonly ClaimReview[]) => BenchEngine | Promise<BenchEngine>;
