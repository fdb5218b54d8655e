import { SEARCH_CONFIG } from './config.js';
import { confidenceLogit, confidenceOf, semanticConfidenceOf, type ConfidenceEvidence } from './confidence.js';
import { fuzzySimilarity } from './fuzzy-similarity.js';
import type { InvertedIndex, ScoredSlot } from './inverted-index.js';
import type { LinearModel } from './linear-model.js';
import { matchFeatures, type MatchFeatures } from './match-features.js';
import type { QueryWord } from './query-terms.js';
import { rankingScore, type RankingModel } from './ranking-model.js';
import { rankingFeatures, RANKING_FEATURES, SEMANTIC_RANKING_FEATURES, type QueryShape, type RankingFeature } from './ranking-features.js';
import { RERANKER_WEIGHTS, SEMANTIC_RERANKER_WEIGHTS } from './reranker-weights.js';

export interface RankedCandidate {
  slot: number;
  features: MatchFeatures;
  /** The ranking feature vector, in `RANKING_FEATURES` order (`SEMANTIC_RANKING_FEATURES` when every candidate had a similarity). */
  vector: Float64Array;
  /** The learned model's score: the order of the results. */
  rankScore: number;
  /** The hand-set blend of BM25F and coverage whose lead over rivals feeds the confidence. */
  blend: number;
  /** The query's cosine with the claim, when the sentence encoder ranks. */
  similarity?: number;
  confidence: number;
  /** What `confidence` was computed from when the sentence encoder ranks (read by src/bench/fit-confidence.ts). */
  confidenceEvidence?: ConfidenceEvidence;
}

/**
 * Orders the BM25F candidates by a learned model (the committed one is linear; a `RankingModel`
 * may also carry boosted trees, a trainer experiment) over match features (coverage both ways,
 * character similarity to claim and title, pictures, dates, the claimant's prior, and for a query
 * of a few words fuse.js similarity), then gives each a 0..1 confidence from its coverage and its
 * lead over the best different claim. With `semanticAt` (by slot), and every candidate embedded, the vector
 * gains the query's similarity in meaning to the claim, and the model learned with it ranks.
 */
export function rerank(
  words: readonly QueryWord[],
  shape: QueryShape,
  candidates: readonly ScoredSlot[],
  index: InvertedIndex,
  model?: LinearModel | RankingModel,
  claimantPrior: (slot: number) => number = () => 0,
  semanticAt?: (slot: number) => number | undefined,
): RankedCandidate[] {
  const similarities = semanticAt ? semanticSimilarities(candidates, semanticAt) : undefined;
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
    const rankScore = rankingScore(ranking, vectors[i]!);
    return { slot: candidate.slot, features: f, vector: vectors[i]!, rankScore, blend, similarity: similarities?.[i], confidence: 0 };
  });
  ranked.sort((a, b) => b.rankScore - a.rankScore || a.slot - b.slot);
  assignConfidence(ranked, index);
  return ranked;
}

/** Each candidate's similarity in meaning to the query, or undefined when any has none yet (one model ranks a whole pool). */
function semanticSimilarities(candidates: readonly ScoredSlot[], semanticAt: (slot: number) => number | undefined): Float64Array | undefined {
  const similarities = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const similarity = semanticAt(candidates[i]!.slot);
    if (similarity === undefined) return undefined;
    similarities[i] = similarity;
  }
  return similarities;
}

/**
 * A store often holds the same claim twice (an article and the claim it makes, two checks of one
 * rumour): such a twin is not a rival, so a hit's lead is measured over the best *different* claim:
 * in the blend of words (`confidenceOf`) and, when the sentence encoder ranks, in meaning and in
 * rerank score too (`semanticConfidenceOf`). A hit below the leader is measured against the best
 * of the pool, and is never given more confidence than the hit above it.
 */
function assignConfidence(ranked: RankedCandidate[], index: InvertedIndex): void {
  if (ranked.length === 0) return;
  const leader = ranked[0]!;
  const leaderHeadline = new Set(index.headlineTermsAt(leader.slot).headline);
  const twinOfLeader = ranked.map((candidate) => candidate === leader || nearDuplicate(leaderHeadline, index.headlineTermsAt(candidate.slot).headline));
  // A measure's rivals: for the leader and its twins the best different claim, for the others the
  // best of the pool. With no different claim the leader's rival is `alone`.
  const rivals = (measure: (candidate: RankedCandidate) => number, alone: number) => {
    let ofLeader = -Infinity;
    let ofOthers = -Infinity;
    ranked.forEach((candidate, i) => {
      const value = measure(candidate);
      ofOthers = Math.max(ofOthers, value);
      if (!twinOfLeader[i]) ofLeader = Math.max(ofLeader, value);
    });
    return (i: number) => (twinOfLeader[i] ? (Number.isFinite(ofLeader) ? ofLeader : alone) : ofOthers);
  };
  const top = Math.max(...ranked.map((candidate) => candidate.blend));
  // Alone, a leader leads the blend fully (its rival blends 0) but shows no lead in meaning or score.
  const blendRival = rivals((candidate) => candidate.blend, 0);
  const semantic = leader.similarity !== undefined;
  const meaningRival = semantic ? rivals((candidate) => candidate.similarity ?? 0, leader.similarity ?? 0) : undefined;
  const scoreRival = semantic ? rivals((candidate) => candidate.rankScore, leader.rankScore) : undefined;
  let ceiling = 1;
  ranked.forEach((candidate, i) => {
    const margin = top > 0 ? (candidate.blend - blendRival(i)) / top : 0;
    let confidence: number;
    if (meaningRival && scoreRival) {
      candidate.confidenceEvidence = {
        lexical: confidenceLogit(candidate.features, margin),
        meaningLead: (candidate.similarity ?? 0) - meaningRival(i),
        scoreLead: candidate.rankScore - scoreRival(i),
      };
      confidence = semanticConfidenceOf(candidate.confidenceEvidence);
    } else {
      confidence = confidenceOf(candidate.features, margin);
    }
    // Never more confident in a hit than in the one ranked above it.
    ceiling = Math.min(ceiling, confidence);
    candidate.confidence = ceiling;
  });
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
