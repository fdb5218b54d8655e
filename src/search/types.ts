/** The searchable text of one store entry; field weights are applied by the index. */
export interface SearchDocument {
  id: string;
  kind: 'claim' | 'article';
  /** The claim text (for an article: its headline, which is the claim it makes). */
  claim: string;
  /** Fact-check headline, or nothing. */
  title?: string;
  /** Context / summary / body excerpt. */
  summary?: string;
  /** Who made the claim: not searched, but how often they are checked informs the ranking. */
  claimant?: string;
  language?: string;
}

export interface SearchHit {
  id: string;
  kind: 'claim' | 'article';
  /** 0..1, comparable across queries: at or above `CONFIDENT_MATCH` the hit is presented as an answer. */
  confidence: number;
}

export interface SearchOptions {
  /** Hits to return, best first (default 5). */
  limit?: number;
  /** Ids never to return (e.g. marked "wrong match" for this query). */
  exclude?: ReadonlySet<string>;
  /** How close in meaning the query is to each candidate, when a sentence encoder runs (see SemanticLayer). */
  semantic?: SemanticSimilarity;
}

/** Cosine of the query's and a claim's sentence embeddings; undefined when that claim (as it reads now) has none yet. */
export type SemanticSimilarity = (id: string) => number | undefined;

/** A text index that can grow and shrink one document at a time, without a rebuild. */
export interface TextSearcher {
  readonly size: number;
  add(document: SearchDocument): void;
  remove(id: string): void;
  search(query: string, options?: SearchOptions): SearchHit[];
}
