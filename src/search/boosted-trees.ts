/**
 * Small regression trees added to the linear rerank score: they catch what a straight line over
 * the features cannot (a coverage that only counts when the BM25F score is close to the best, a
 * claimant prior that matters only for short claims). Every tree is complete and of one depth,
 * stored in heap order: node n's children are 2n + 1 (feature value ≤ threshold) and 2n + 2.
 * A node that did not split has threshold +Infinity, so every vector goes left.
 */
export interface BoostedTrees {
  readonly depth: number;
  /** Per tree: the feature index tested at each of its 2^depth − 1 inner nodes. */
  readonly features: readonly (readonly number[])[];
  /** Per tree: the threshold of each inner node (go right when the value is above it). */
  readonly thresholds: readonly (readonly number[])[];
  /** Per tree: the score added by each of its 2^depth leaves (shrinkage already applied). */
  readonly leaves: readonly (readonly number[])[];
}

export function treesScore(trees: BoostedTrees, x: ArrayLike<number>): number {
  let score = 0;
  const inner = (1 << trees.depth) - 1;
  for (let t = 0; t < trees.leaves.length; t++) {
    const features = trees.features[t]!;
    const thresholds = trees.thresholds[t]!;
    let node = 0;
    for (let level = 0; level < trees.depth; level++) {
      node = 2 * node + ((x[features[node]!] ?? 0) > thresholds[node]! ? 2 : 1);
    }
    score += trees.leaves[t]![node - inner]!;
  }
  return score;
}
