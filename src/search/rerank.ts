import { SEARCH_CONFIG } from './config.js';
import { confidenceOf } from './confidence.js';
import { fuzzySimilarity } from './fuzzy-similarity.js';
import type { InvertedIndex, ScoredSlot } from './inverted-index.js';
import { matchFeatures, type MatchFeatures } from './match-features.js';
import type { QueryWord } from './query-terms.js';

export interface RankedCandidate {
  slot: number;
  features: MatchFeatures;
  /** fuse.js similarity of the query's key words to the claim, 0..1 (0 beyond the fuzzy pool). */
  fuzzy: number;
  rankScore: number;
  confidence: number;
}

/**
 * Orders the BM25F candidates by a blend of BM25F, claim coverage and fuse.js similarity, and
 * gives each a 0..1 confidence. A query of a few words leans more on fuse.js: BM25F tells little
 * apart when every candidate holds the same two words.
 */
export function rerank(words: readonly QueryWord[], candidates: readonly ScoredSlot[], index: InvertedIndex): RankedCandidate[] {
  const config = SEARCH_CONFIG.rerank;
  const features = matchFeatures(words, candidates, index);
  const fuzzy = fuzzySimilarity(
    keyWords(words, index),
    candidates.slice(0, config.fuzzyPool).map(({ slot }) => ({ slot, text: index.claimTextAt(slot) })),
  );
  const fuzzyWeight = words.length <= config.shortQueryWords ? config.fuzzyShortQuery : config.fuzzy;
  const ranked = candidates.map((candidate, i): RankedCandidate => {
    const f = features[i]!;
    const similarity = fuzzy.get(candidate.slot) ?? 0;
    const rankScore =
      f.bm25Relative +
      config.claimCoverage * f.claimCoverage +
      config.headlineCoverage * f.headlineCoverage +
      fuzzyWeight * similarity;
    return { slot: candidate.slot, features: f, fuzzy: similarity, rankScore, confidence: 0 };
  });
  ranked.sort((a, b) => b.rankScore - a.rankScore || a.slot - b.slot);
  const top = ranked[0]?.rankScore ?? 0;
  let ceiling = 1;
  ranked.forEach((candidate, i) => {
    const rival = i === 0 ? (ranked[1]?.rankScore ?? 0) : top;
    const margin = top > 0 ? (candidate.rankScore - rival) / top : 0;
    // Never more confident in a hit than in the one ranked above it.
    ceiling = Math.min(ceiling, confidenceOf(candidate.features, candidate.fuzzy, margin));
    candidate.confidence = ceiling;
  });
  return ranked;
}

/** The query's most informative words, for fuse.js (whose cost grows with every word). */
function keyWords(words: readonly QueryWord[], index: InvertedIndex): string[] {
  const informativeness = (word: QueryWord): number => Math.max(...word.variants.map((variant) => index.idf(variant.termId)));
  return [...words]
    .sort((a, b) => informativeness(b) - informativeness(a))
    .slice(0, SEARCH_CONFIG.rerank.fuzzyMaxWords)
    .map((word) => word.surface);
}
