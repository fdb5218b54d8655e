import type { InvertedIndex, ScoredSlot } from './inverted-index.js';
import type { MatchFeatures } from './match-features.js';
import { speaksOfMedia } from './media-mentions.js';
import { namesMonth, type PostDate } from './post-date.js';
import { TermFilter } from './term-filter.js';
import { TrigramDice, trigramSet } from './trigram-similarity.js';

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
  'claimantPrior',
  'mediaMatch',
  'titleSimilarity',
  'sameMonth',
] as const;

export type RankingFeature = (typeof RANKING_FEATURES)[number] | 'semanticSimilarity';

/** Measures that add nothing next to the sentence encoder's similarity (train CV 0.899 / 0.601 without them, 0.898 / 0.598 with). */
const SUPERSEDED_BY_MEANING: ReadonlySet<string> = new Set(['fuzzy', 'characterSimilarity']);

/**
 * With the sentence encoder: the cosine of the query's and the claim's embeddings, last, in place
 * of the character similarity to the claim and fuse.js's similarity, which cost most of the
 * measures' time. Its model (SEMANTIC_RERANKER_WEIGHTS) ranks a query whose candidates are all embedded.
 */
export const SEMANTIC_RANKING_FEATURES: readonly RankingFeature[] = [
  ...RANKING_FEATURES.filter((name) => !SUPERSEDED_BY_MEANING.has(name)),
  'semanticSimilarity',
];

/** Every measure, and its place in the scratch vector `rankingFeatures` fills per candidate. */
const ALL_FEATURES: readonly RankingFeature[] = [...RANKING_FEATURES, 'semanticSimilarity'];
const AT = Object.fromEntries(ALL_FEATURES.map((name, place) => [name, place])) as Record<RankingFeature, number>;

/** What the query contributes beyond its weighted words. */
export interface QueryShape {
  /** Index terms of the cleaned query text (stopwords dropped, no typo corrections). */
  terms: readonly string[];
  /** The cleaned query text, folded, for the character similarity. */
  text: string;
  /** Whether the post carries or names a picture or video. */
  media: boolean;
  /** When the post was made, when it says so (a pasted tweet's signature line). */
  posted?: PostDate | undefined;
}

/**
 * One vector of store-independent evidence per candidate (ratios, shares, standardised scores):
 * the BM25F score relative to the pool, the coverage measures of `matchFeatures`, how much of
 * the query the whole entry (summary included) holds, fuse.js similarity for short queries, and
 * character-trigram similarity to the claim and to the title (for the first `detailed` candidates,
 * in BM25F order), how much the candidate's claimant is checked (`claimantPrior`, 0..1), whether
 * a post with a picture meets a fact-check about one, and whether the claim or its title names
 * the month a dated post was made in; with `similarity` (one per candidate), the sentence
 * encoder's. The measures in `names` are returned, in that order; the character similarity to the
 * claim, the costly one, is computed only when asked for.
 */
export function rankingFeatures(
  shape: QueryShape,
  candidates: readonly ScoredSlot[],
  match: readonly MatchFeatures[],
  fuzzy: ReadonlyMap<number, number>,
  index: InvertedIndex,
  detailed: number,
  claimantPrior: (slot: number) => number,
  names: readonly RankingFeature[] = RANKING_FEATURES,
  similarity?: Float64Array,
): Float64Array[] {
  const characterDetail = names.includes('characterSimilarity') ? detailed : 0;
  const similarityToQuery = new TrigramDice(trigramSet(shape.text));
  const { mean, deviation } = spread(candidates.map((candidate) => candidate.score));
  const allQueryTerms = idfByTermId(shape.terms, index);
  let queryMass = 0;
  for (const idf of allQueryTerms.values()) queryMass += idf;
  const isQueryTerm = new TermFilter(allQueryTerms.keys());

  const positions = names.map((name) => AT[name]);
  // Each candidate's measures are written to one scratch vector by fixed places, then the ones
  // asked for are copied out in order: reading an object's measures by name (a keyed load per
  // measure, twelve names) took a fortieth of a lookup.
  const measured = new Float64Array(ALL_FEATURES.length);
  return candidates.map((candidate, i) => {
    const m = match[i]!;
    const slot = candidate.slot;
    let fullMass = 0;
    // A whole entry's terms (its summary's too): a hundred or so a candidate, nearly none the query's.
    for (const termId of index.termsAt(slot)) if (isQueryTerm.mayHold(termId)) fullMass += allQueryTerms.get(termId) ?? 0;
    // The texts are decoded from the index's arena only when a measure reads them: the title for the
    // detailed head, the claim as well when it stands in for a missing title or a measure reads it.
    const detail = i < detailed;
    const title = detail || shape.media || shape.posted !== undefined ? index.titleTextAt(slot) : undefined;
    const claimNeeded = i < characterDetail || shape.media || shape.posted !== undefined || (detail && title === undefined);
    const claim = claimNeeded ? index.claimTextAt(slot) : '';
    measured[AT.bm25Relative] = m.bm25Relative;
    measured[AT.bm25Standardized] = deviation > 0 ? (candidate.score - mean) / deviation : 0;
    measured[AT.queryCoverage] = m.queryCoverage;
    measured[AT.fullCoverage] = queryMass > 0 ? fullMass / queryMass : 0;
    measured[AT.claimCoverage] = m.claimCoverage;
    measured[AT.headlineCoverage] = m.headlineCoverage;
    measured[AT.rareWordsMatched] = Math.log1p(m.rareWordsMatched);
    measured[AT.fuzzy] = fuzzy.get(slot) ?? 0;
    // Character similarity is the costly measure: only the BM25F head gets it.
    measured[AT.characterSimilarity] = i < characterDetail ? similarityToQuery.of(claim.toLowerCase()) : 0;
    measured[AT.claimantPrior] = claimantPrior(slot);
    measured[AT.mediaMatch] = shape.media && (speaksOfMedia(claim) || speaksOfMedia(title ?? '')) ? 1 : 0;
    // Fact-check headlines restate the claim in a reporter's words, often nearer a post's. An entry
    // with no title of its own (an article, a bare claim) is its own headline: never a zero that
    // the model, trained on stores where every claim has a title, would read as a mismatch.
    measured[AT.titleSimilarity] = detail ? similarityToQuery.of((title ?? claim).toLowerCase()) : 0;
    measured[AT.sameMonth] = shape.posted && namesMonth(shape.posted, claim, title) ? 1 : 0;
    measured[AT.semanticSimilarity] = similarity?.[i] ?? 0;
    const vector = new Float64Array(names.length);
    for (let k = 0; k < names.length; k++) vector[k] = measured[positions[k]!]!;
    return vector;
  });
}

function idfByTermId(terms: readonly string[], index: InvertedIndex): Map<number, number> {
  const idf = new Map<number, number>();
  for (const term of new Set(terms)) {
    const termId = index.termId(term);
    if (termId !== undefined) idf.set(termId, index.idf(termId));
  }
  return idf;
}

function spread(values: readonly number[]): { mean: number; deviation: number } {
  if (values.length === 0) return { mean: 0, deviation: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { mean, deviation: Math.sqrt(variance) };
}
