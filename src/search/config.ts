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
  /**
   * Distinct words of a query looked up at most: a longer text (a pasted article) is matched by
   * its most distinctive ones. Every query of the benchmark sets has fewer (61 at most); 600 words
   * of claim vocabulary took 0.2 s a lookup at 200,000 claims, each word a pass over the candidates.
   */
  maxQueryWords: 64,
  /** Hits returned when the caller gives no limit. */
  defaultLimit: 5,
  /** The rerank blend: BM25F relative to the best candidate (weight 1) plus these. */
  rerank: Object.freeze({
    claimCoverage: 0.05,
    headlineCoverage: 0.1,
    /** fuse.js similarity, computed for queries of at most `shortQueryWords` words. */
    fuzzy: 0.6,
    shortQueryWords: 3,
    /** Candidates compared by fuse.js. */
    fuzzyPool: 20,
    /** Candidates (in BM25F order) whose word pairs and character similarity are measured. */
    detailPool: 20,
  }),
  /**
   * Logistic confidence of a hit from its match features (see `confidenceOf`); `rareWordsMatched`
   * enters as log(1 + x). Fitted (logistic regression) on the train splits, each query asked of the
   * full store, of the store without its answer, and of 25-claim stores with and without it; plus
   * 2-6 words picked from stored claims, asked with and without that claim.
   */
  confidence: Object.freeze({
    intercept: -5.59,
    claimCoverage: 2.21,
    queryCoverage: 2.25,
    rareWordsMatched: 2.23,
    margin: 2.8,
  }),
  /**
   * The confidence when the sentence encoder ranks (see `semanticConfidenceOf`). Fitted by
   * src/bench/fit-confidence.ts (logistic regression) on the train splits, asked as `confidence`
   * was: each query of the full store and of the store without its answer, of 25-claim stores with
   * and without it, and 2-6 words of a stored claim with and without that claim; its intercept is
   * then lowered until it is confident and wrong no more often, over all of those, than `confidence`.
   */
  semanticConfidence: Object.freeze({
    intercept: -0.976,
    lexical: 0.736,
    meaningLead: 1.526,
    scoreLead: 0.495,
  }),
  /** Weight of a word known only from the poster's name or an @mention (words of the text weigh 1). */
  mentionWeight: 0.8,
  /** Splitting unknown run-together query words into known ones ("singlepayer"). */
  compound: Object.freeze({ minWordLength: 6, minPartLength: 3, maxParts: 3 }),
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

/**
 * A hit below this confidence is "no confident match": shown as a suggestion, not an answer.
 * On the train splits, 93% of top hits at or above it were right, and a query whose answer was
 * not in the store got a hit above it 14% of the time (often a near-duplicate of the answer).
 */
export const CONFIDENT_MATCH = 0.5;
