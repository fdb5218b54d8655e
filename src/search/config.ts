/**
 * Every tunable of the text search, in one place. Field weights and BM25 parameters shape the
 * candidate ranking; the rerank and confidence weights were fitted on the training splits of
 * the CheckThat! benchmarks (tweets and debate sentences against fact-checked claims).
 */
export const SEARCH_CONFIG = Object.freeze({
  /**
   * BM25F per field: `weight` of one occurrence (claim > title > summary) and `b`, how much a
   * long field is discounted (0 = not at all, 1 = fully).
   */
  fields: Object.freeze({
    claim: Object.freeze({ weight: 3, b: 0.75 }),
    title: Object.freeze({ weight: 2, b: 0.75 }),
    summary: Object.freeze({ weight: 1, b: 0.75 }),
  }),
  /** BM25 term-frequency saturation. */
  k1: 2.2,
  /** Candidates taken from the inverted index for reranking. */
  candidatePool: 50,
  /** Hits returned when the caller gives no limit. */
  defaultLimit: 5,
  /** Weights of the rerank blend (see `MatchFeatures`). */
  rerank: Object.freeze({ bm25Relative: 1, queryCoverage: 0, claimCoverage: 0, headlineCoverage: 0 }),
  typo: Object.freeze({
    /** Query words shorter than this are never corrected: too many neighbours. */
    minWordLength: 4,
    /** From this length on, two edits are allowed; below it, one. */
    twoEditsFromLength: 8,
    /** A known word this rare (documents holding it) is still checked for a likelier neighbour. */
    rareDocumentFrequency: 1,
    /** A neighbour of a known rare word must be this many times more frequent to be tried. */
    rareNeighbourRatio: 20,
    /** Neighbour terms tried per query word. */
    maxCorrections: 3,
    /** Score weight of a corrected term, by edit distance (exact matches weigh 1). */
    weightByDistance: Object.freeze([1, 0.7, 0.45] as const),
  }),
});

/** A hit below this confidence is "no confident match": shown as a suggestion, not an answer. */
export const CONFIDENT_MATCH = 0.5;
