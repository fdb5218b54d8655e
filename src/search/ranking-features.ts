import type { InvertedIndex, ScoredSlot } from './inverted-index.js';
import type { MatchFeatures } from './match-features.js';

/** The order of a ranking feature vector; the learned weights (reranker-weights.ts) follow it. */
export const RANKING_FEATURES = [
  'bm25Relative',
  'bm25Standardized',
  'queryCoverage',
  'fullCoverage',
  'claimCoverage',
  'headlineCoverage',
  'rareWordsMatched',
  'fuzzy',
  'characterSimilarity',
] as const;
export type RankingFeature = (typeof RANKING_FEATURES)[number];

/** What the query contributes beyond its weighted words. */
export interface QueryShape {
  /** Index terms of the cleaned query text (stopwords dropped, no typo corrections). */
  terms: readonly string[];
  /** The cleaned query text, folded, for the character similarity. */
  text: string;
}

/**
 * One vector of store-independent evidence per candidate (ratios, shares, standardised scores):
 * the BM25F score relative to the pool, the coverage measures of `matchFeatures`, how much of
 * the query the whole entry (summary included) holds, fuse.js similarity for short queries, and
 * character-trigram similarity to the claim (for the first `detailed` candidates, in BM25F order).
 */
export function rankingFeatures(
  shape: QueryShape,
  candidates: readonly ScoredSlot[],
  match: readonly MatchFeatures[],
  fuzzy: ReadonlyMap<number, number>,
  index: InvertedIndex,
  detailed: number,
): Float64Array[] {
  const queryGrams = trigrams(shape.text);
  const { mean, deviation } = spread(candidates.map((candidate) => candidate.score));
  const allQueryTerms = new Map<number, number>();
  for (const term of new Set(shape.terms)) {
    const termId = index.termId(term);
    if (termId !== undefined) allQueryTerms.set(termId, index.idf(termId));
  }
  let queryMass = 0;
  for (const idf of allQueryTerms.values()) queryMass += idf;

  return candidates.map((candidate, i) => {
    const m = match[i]!;
    let fullMass = 0;
    for (const termId of index.termsAt(candidate.slot)) fullMass += allQueryTerms.get(termId) ?? 0;
    const features: Record<RankingFeature, number> = {
      bm25Relative: m.bm25Relative,
      bm25Standardized: deviation > 0 ? (candidate.score - mean) / deviation : 0,
      queryCoverage: m.queryCoverage,
      fullCoverage: queryMass > 0 ? fullMass / queryMass : 0,
      claimCoverage: m.claimCoverage,
      headlineCoverage: m.headlineCoverage,
      rareWordsMatched: Math.log1p(m.rareWordsMatched),
      fuzzy: fuzzy.get(candidate.slot) ?? 0,
      // Trigram sets cost an allocation per candidate: only the BM25F head gets them.
      characterSimilarity: i >= detailed ? 0 : dice(queryGrams, trigrams(index.claimTextAt(candidate.slot).toLowerCase())),
    };
    return Float64Array.from(RANKING_FEATURES, (name) => features[name]);
  });
}

function trigrams(text: string): Set<string> {
  const compact = ` ${text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= compact.length; i++) grams.add(compact.slice(i, i + 3));
  return grams;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of b) if (a.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

function spread(values: readonly number[]): { mean: number; deviation: number } {
  if (values.length === 0) return { mean: 0, deviation: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { mean, deviation: Math.sqrt(variance) };
}
