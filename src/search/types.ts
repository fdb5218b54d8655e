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

/**
 * Cosine of the query's and a claim's sentence embeddings; undefined when that claim (as it reads
 * now) has none yet. `places`, when given, lets an index that keeps numbers by slot find a claim's
 * vector without looking its id up in a map each time.
 */
export interface SemanticSimilarity {
  (id: string): number | undefined;
  places?: VectorPlaces;
}

/** Where claims' vectors are kept, as numbers: what a search index remembers per slot. */
export interface VectorPlaces {
  /** The place of the claim's vector, or -1 when it has none yet. */
  placeOf(id: string): number;
  /** The query's cosine with the vector at a place that `placeOf` gave. */
  similarityAt(place: number): number;
  /** Places given stay their claims' as long as this is the same object (a removed vector's place can be reused). */
  readonly token: object;
}

/** A text index that can grow and shrink one document at a time, without a rebuild. */
export interface TextSearcher {
  readonly size: number;
  add(document: SearchDocument): void;
  remove(id: string): void;
  search(query: string, options?: SearchOptions): SearchHit[];
}
