import { SEARCH_CONFIG } from './config.js';
import { confidenceOf } from './confidence.js';
import { fuzzySimilarity } from './fuzzy-similarity.js';
import type { InvertedIndex, ScoredSlot } from './inverted-index.js';
import type { LinearModel } from './linear-model.js';
import { matchFeatures, type MatchFeatures } from './match-features.js';
import type { QueryWord } from './query-terms.js';
import { rankingScore, type RankingModel } from './ranking-model.js';
import { rankingFeatures, RANKING_FEATURES, SEMANTIC_RANKING_FEATURES, type QueryShape, type RankingFeature } from './ranking-features.js';
import { RERANKER_WEIGHTS, SEMANTIC_RERANKER_WEIGHTS } from './reranker-weights.js';
import type { SemanticSimilarity } from './types.js';

export interface RankedCandidate {
  slot: number;
  features: MatchFeatures;
  /** The ranking feature vector, in `RANKING_FEATURES` order (`SEMANTIC_RANKING_FEATURES` when every candidate had a similarity). */
  vector: Float64Array;
  /** The learned model's score: the order of the results. */
  rankScore: number;
  /** The hand-set blend of BM25F and coverage whose lead over rivals feeds the confidence. */
  blend: number;
  confidence: number;
}

/**
 * Orders the BM25F candidates by a learned model (the committed one is linear; a `RankingModel`
 * may also carry boosted trees, a trainer experiment) over match features (coverage both ways,
 * character similarity to claim and title, pictures, dates, the claimant's prior, and for a query
 * of a few words fuse.js similarity), then gives each a 0..1 confidence from its coverage and its
 * lead over the best different claim. With `semantic`, and every candidate embedded, the vector
 * gains the query's similarity in meaning to the claim, and the model learned with it ranks.
 */
export function rerank(
  words: readonly QueryWord[],
  shape: QueryShape,
  candidates: readonly ScoredSlot[],
  index: InvertedIndex,
  model?: LinearModel | RankingModel,
  claimantPrior: (slot: number) => number = () => 0,
  semantic?: SemanticSimilarity,
): RankedCandidate[] {
  const similarities = semantic ? semanticSimilarities(candidates, index, semantic) : undefined;
  const features: readonly RankingFeature[] = similarities ? SEMANTIC_RANKING_FEATURES : RANKING_FEATURES;
  const ranking = model ?? (similarities ? SEMANTIC_RERANKER_WEIGHTS : RERANKER_WEIGHTS);
  // A model given by the caller (the trainer's BM25F order) may read a prefix of the features (both lists start alike).
  if (ranking.features.join() !== features.slice(0, ranking.features.length).join()) {
    throw new Error('The rerank model does not match its features: re-run src/bench/train-reranker.ts --write');
  }
  const config = SEARCH_CONFIG.rerank;
  const matched = matchFeatures(words, candidates, index);
  // fuse.js only for short queries: on tweets and speeches it added nothing (train MAP@5) and cost most of the time.
  const fuzzy =
    words.length <= config.shortQueryWords && features.includes('fuzzy')
      ? fuzzySimilarity(
          words.map((word) => word.surface),
          candidates.slice(0, config.fuzzyPool).map(({ slot }) => ({ slot, text: index.claimTextAt(slot) })),
        )
      : new Map<number, number>();
  const vectors = rankingFeatures(shape, candidates, matched, fuzzy, index, config.detailPool, claimantPrior, features, similarities);
  const ranked = candidates.map((candidate, i): RankedCandidate => {
    const f = matched[i]!;
    const blend =
      f.bm25Relative +
      config.claimCoverage * f.claimCoverage +
      config.headlineCoverage * f.headlineCoverage +
      config.fuzzy * (fuzzy.get(candidate.slot) ?? 0);
    return { slot: candidate.slot, features: f, vector: vectors[i]!, rankScore: rankingScore(ranking, vectors[i]!), blend, confidence: 0 };
  });
  ranked.sort((a, b) => b.rankScore - a.rankScore || a.slot - b.slot);
  assignConfidence(ranked, index);
  return ranked;
}

/** Each candidate's similarity in meaning to the query, or undefined when any has none yet (one model ranks a whole pool). */
function semanticSimilarities(candidates: readonly ScoredSlot[], index: InvertedIndex, semantic: SemanticSimilarity): Float64Array | undefined {
  const similarities = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const similarity = semantic(index.idAt(candidates[i]!.slot)!);
    if (similarity === undefined) return undefined;
    similarities[i] = similarity;
  }
  return similarities;
}

/**
 * A store often holds the same claim twice (an article and the claim it makes, two checks of one
 * rumour): such a twin is not a rival, so a hit's lead is measured over the best *different* claim.
 */
function assignConfidence(ranked: RankedCandidate[], index: InvertedIndex): void {
  if (ranked.length === 0) return;
  const byBlend = [...ranked].sort((a, b) => b.blend - a.blend);
  const top = byBlend[0]!.blend;
  const leader = ranked[0]!;
  const leaderHeadline = new Set(index.headlineTermsAt(leader.slot).headline);
  const isTwinOfLeader = (candidate: RankedCandidate) =>
    candidate === leader || nearDuplicate(leaderHeadline, index.headlineTermsAt(candidate.slot).headline);
  // The leader's rival is the best blend among claims that are not it; any other hit's rival is the best blend of all.
  const leaderRival = byBlend.find((candidate) => !isTwinOfLeader(candidate))?.blend ?? 0;
  let ceiling = 1;
  for (const candidate of ranked) {
    const rival = isTwinOfLeader(candidate) ? leaderRival : top;
    const margin = top > 0 ? (candidate.blend - rival) / top : 0;
    // Never more confident in a hit than in the one ranked above it.
    ceiling = Math.min(ceiling, confidenceOf(candidate.features, margin));
    candidate.confidence = ceiling;
  }
}

/** Two headlines sharing at least this share of their distinct terms (Jaccard) state the same claim. */
const TWIN_OVERLAP = 0.7;

/** `b` is a headline's terms as the index keeps them: distinct, so no set is needed to count them. */
function nearDuplicate(a: ReadonlySet<number>, b: Int32Array): boolean {
  if (a.size === 0 || b.length === 0) return false;
  let shared = 0;
  for (const term of b) if (a.has(term)) shared += 1;
  return shared / (a.size + b.length - shared) >= TWIN_OVERLAP;
}
