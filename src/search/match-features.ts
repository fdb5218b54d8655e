import type { InvertedIndex, ScoredSlot } from './inverted-index.js';
import type { QueryWord } from './query-terms.js';
import { TermFilter } from './term-filter.js';

/** How one candidate matches the query: ratios, so that they mean the same in any store. */
export interface MatchFeatures {
  /** BM25F score relative to the best candidate's. */
  bm25Relative: number;
  /** Share of the query's IDF mass found in the candidate's claim or title. */
  queryCoverage: number;
  /** Share of the claim's IDF mass that the query contains. */
  claimCoverage: number;
  /** Share of the claim-plus-title IDF mass that the query contains. */
  headlineCoverage: number;
  /**
   * Query words found in the claim or title, each counted as its IDF over the IDF of a word
   * found in one document only: about "how many rare words match", whatever the store's size.
   */
  rareWordsMatched: number;
}

/**
 * Measures each candidate from the index alone: term overlap weighted by IDF, in both directions
 * (a tweet covers a whole claim; a claim covers part of a tweet), so long and short queries compare.
 */
export function matchFeatures(words: readonly QueryWord[], candidates: readonly ScoredSlot[], index: InvertedIndex): MatchFeatures[] {
  // Best weight per term: a word of the query (1) beats a typo correction of another word.
  const queryWeight = new Map<number, number>();
  for (const word of words) {
    for (const variant of word.variants) {
      queryWeight.set(variant.termId, Math.max(queryWeight.get(variant.termId) ?? 0, variant.weight));
    }
  }
  const wordIdf = words.map((word) => Math.max(...word.variants.map((variant) => index.idf(variant.termId))));
  const queryMass = wordIdf.reduce((sum, idf) => sum + idf, 0);
  const top = candidates[0]?.score ?? 0;
  const rarestIdf = Math.log(1 + (index.size - 0.5) / 1.5);

  // Each query term → the query words it stands for, with its weight for each: a candidate's
  // headline terms are looked up here, instead of building a set of them per candidate.
  const wordsByTerm = new Map<number, { word: number; weight: number }[]>();
  words.forEach((word, i) => {
    for (const variant of word.variants) {
      const entries = wordsByTerm.get(variant.termId) ?? [];
      entries.push({ word: i, weight: variant.weight });
      wordsByTerm.set(variant.termId, entries);
    }
  });
  const bestWeight = new Float64Array(words.length);
  const isQueryTerm = new TermFilter(queryWeight.keys());

  return candidates.map((candidate) => {
    const { claim, headline } = index.headlineTermsAt(candidate.slot);
    bestWeight.fill(0);
    // The claim's terms are the headline's first ones: one pass measures both coverages.
    let claimTotal = 0;
    let claimMatched = 0;
    let total = 0;
    let matched = 0;
    for (let t = 0; t < headline.length; t++) {
      if (t === claim.length) {
        claimTotal = total;
        claimMatched = matched;
      }
      const termId = headline[t]!;
      const idf = index.idf(termId);
      total += idf;
      if (!isQueryTerm.mayHold(termId)) continue;
      matched += idf * (queryWeight.get(termId) ?? 0);
      for (const { word, weight } of wordsByTerm.get(termId) ?? NONE) bestWeight[word] = Math.max(bestWeight[word]!, weight);
    }
    if (claim.length === headline.length) {
      claimTotal = total;
      claimMatched = matched;
    }
    let matchedQueryMass = 0;
    for (let i = 0; i < words.length; i++) matchedQueryMass += bestWeight[i]! * wordIdf[i]!;
    return {
      bm25Relative: top > 0 ? candidate.score / top : 0,
      queryCoverage: queryMass > 0 ? matchedQueryMass / queryMass : 0,
      claimCoverage: claimTotal > 0 ? claimMatched / claimTotal : 0,
      headlineCoverage: total > 0 ? matched / total : 0,
      rareWordsMatched: matchedQueryMass / rarestIdf,
    };
  });
}

const NONE: readonly { word: number; weight: number }[] = [];
