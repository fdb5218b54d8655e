import { SEARCH_CONFIG } from './config.js';
import { confidenceOf } from './confidence.js';
import { fuzzySimilarity } from './fuzzy-similarity.js';
import type { InvertedIndex, ScoredSlot } from './inverted-index.js';
import { matchFeatures, type MatchFeatures } from './match-features.js';
import type { QueryWord } from './query-terms.js';

export interface RankedCandidate {
  slot: number;
  features: MatchFeatures;
  /** fuse.js similarity of a short query to the claim, 0..1 (0 for long queries and beyond the fuzzy pool). */
  fuzzy: number;
  rankScore: number;
  confidence: number;
}

/**
 * Orders the BM25F candidates by a blend of BM25F, claim coverage and, for a query of a few words,
 * fuse.js similarity (BM25F tells little apart when every candidate holds the same two words);
 * then gives each a 0..1 confidence.
 */
export function rerank(words: readonly QueryWord[], candidates: readonly ScoredSlot[], index: InvertedIndex): RankedCandidate[] {
  const config = SEARCH_CONFIG.rerank;
  const features = matchFeatures(words, candidates, index);
  // fuse.js only for short queries: on tweets and speeches it added nothing (train MAP@5) and cost most of the time.
  const fuzzy =
    words.length <= config.shortQueryWords
      ? fuzzySimilarity(
          words.map((word) => word.surface),
          candidates.slice(0, config.fuzzyPool).map(({ slot }) => ({ slot, text: index.claimTextAt(slot) })),
        )
      : new Map<number, number>();
  const ranked = candidates.map((candidate, i): RankedCandidate => {
    const f = features[i]!;
    const similarity = fuzzy.get(candidate.slot) ?? 0;
    const rankScore =
      f.bm25Relative +
      config.claimCoverage * f.claimCoverage +
      config.headlineCoverage * f.headlineCoverage +
      config.fuzzy * similarity;
    return { slot: candidate.slot, features: f, fuzzy: similarity, rankScore, confidence: 0 };
  });
  ranked.sort((a, b) => b.rankScore - a.rankScore || a.slot - b.slot);
  const top = ranked[0]?.rankScore ?? 0;
  // A store often holds the same claim twice (an article and the claim it makes, two checks of one
  // rumour): such a twin is not a rival, so the lead is measured over the best *different* claim.
  const topHeadline = ranked[0] ? new Set(index.headlineTermsAt(ranked[0].slot).headline) : new Set<number>();
  const isTwinOfTop = (candidate: RankedCandidate) => nearDuplicate(topHeadline, index.headlineTermsAt(candidate.slot).headline);
  const runnerUp = ranked.slice(1).find((candidate) => !isTwinOfTop(candidate))?.rankScore ?? 0;
  let ceiling = 1;
  ranked.forEach((candidate, i) => {
    const rival = i === 0 || isTwinOfTop(candidate) ? runnerUp : top;
    const margin = top > 0 ? (candidate.rankScore - rival) / top : 0;
    // Never more confident in a hit than in the one ranked above it.
    ceiling = Math.min(ceiling, confidenceOf(candidate.features, margin));
    candidate.confidence = ceiling;
  });
  return ranked;
}

/** Two headlines sharing at least this share of their distinct terms (Jaccard) state the same claim. */
const TWIN_OVERLAP = 0.7;

function nearDuplicate(a: ReadonlySet<number>, bTerms: Int32Array): boolean {
  const b = new Set(bTerms);
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const term of b) if (a.has(term)) shared += 1;
  return shared / (a.size + b.size - shared) >= TWIN_OVERLAP;
}
