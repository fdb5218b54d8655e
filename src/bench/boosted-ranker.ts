import type { BoostedTrees } from '../search/boosted-trees.js';
import type { RankingGroup } from './pairwise-logistic.js';

export interface BoostingOptions {
  trees?: number;
  depth?: number;
  /** Each tree's leaves are scaled by this: many small steps generalise better than a few big ones. */
  shrinkage?: number;
  /** Candidate thresholds per feature (quantiles of the training values). */
  bins?: number;
  /** A leaf must hold at least this many candidates, so no tree fits a handful of queries. */
  minLeaf?: number;
  /** L2 penalty on leaf values (added to the summed curvature). */
  l2?: number;
  /** Weigh each pair by how much swapping the two would change the query's DCG (LambdaMART) rather than alike (RankNet). */
  lambda?: boolean;
}

/**
 * Gradient-boosted regression trees for the pairwise logistic loss (RankNet / LambdaMART), fitted
 * on top of a given base score (the linear model's): each tree is a Newton step on the candidates'
 * gradients, grown level by level over quantile thresholds. Each query weighs the same however
 * many pairs it has, as in the linear model.
 */
export function trainBoostedTrees(groups: readonly RankingGroup[], base: readonly Float64Array[], dimensions: number, options: BoostingOptions = {}): BoostedTrees {
  const { trees = 50, depth = 3, shrinkage = 0.1, bins = 32, minLeaf = 30, l2 = 1, lambda = false } = options;
  const rows: ArrayLike<number>[] = groups.flatMap((group) => group.vectors);
  const thresholds = quantileThresholds(rows, dimensions, bins);
  const binned = rows.map((row) => Uint8Array.from({ length: dimensions }, (_, j) => binOf(thresholds[j]!, row[j] ?? 0)));
  const scores = Float64Array.from(base.flatMap((scores) => [...scores]));
  const starts: number[] = [];
  let offset = 0;
  for (const group of groups) {
    starts.push(offset);
    offset += group.vectors.length;
  }
  const model = { depth, features: [] as number[][], thresholds: [] as number[][], leaves: [] as number[][] };
  const gradient = new Float64Array(rows.length);
  const curvature = new Float64Array(rows.length);
  for (let t = 0; t < trees; t++) {
    pairGradients(groups, starts, scores, gradient, curvature, lambda);
    const tree = growTree(binned, thresholds, gradient, curvature, { depth, minLeaf, l2, dimensions, bins: bins + 1 });
    const leaves = tree.leaves.map((value) => value * shrinkage);
    for (let i = 0; i < rows.length; i++) scores[i]! += leaves[tree.leafOf[i]!]!;
    model.features.push(tree.features);
    model.thresholds.push(tree.thresholds);
    model.leaves.push(leaves);
  }
  return model;
}

function pairGradients(
  groups: readonly RankingGroup[],
  starts: readonly number[],
  scores: Float64Array,
  gradient: Float64Array,
  curvature: Float64Array,
  lambda: boolean,
): void {
  gradient.fill(0);
  curvature.fill(0);
  groups.forEach((group, g) => {
    const start = starts[g]!;
    const n = group.vectors.length;
    const right: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) (group.relevant[i] ? right : wrong).push(start + i);
    if (right.length === 0 || wrong.length === 0) return;
    const discount = lambda ? rankDiscounts(scores, start, n) : undefined;
    const weight = 1 / (right.length * wrong.length);
    for (const r of right) {
      for (const w of wrong) {
        const delta = discount ? Math.abs(discount[r - start]! - discount[w - start]!) : 1;
        const p = 1 / (1 + Math.exp(scores[r]! - scores[w]!));
        gradient[r]! -= weight * delta * p;
        gradient[w]! += weight * delta * p;
        const h = weight * delta * p * (1 - p);
        curvature[r]! += h;
        curvature[w]! += h;
      }
    }
  });
}

/** 1 / log2(1 + rank) for each candidate of a group, by current score. */
function rankDiscounts(scores: Float64Array, start: number, n: number): Float64Array {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[start + b]! - scores[start + a]!);
  const discount = new Float64Array(n);
  order.forEach((i, rank) => (discount[i] = 1 / Math.log2(2 + rank)));
  return discount;
}

interface GrowOptions {
  depth: number;
  minLeaf: number;
  l2: number;
  dimensions: number;
  bins: number;
}

function growTree(
  binned: readonly Uint8Array[],
  thresholds: readonly number[][],
  gradient: Float64Array,
  curvature: Float64Array,
  options: GrowOptions,
): { features: number[]; thresholds: number[]; leaves: number[]; leafOf: Int32Array } {
  const { depth, minLeaf, l2, dimensions, bins } = options;
  const inner = (1 << depth) - 1;
  const features = new Array<number>(inner).fill(0);
  const cuts = new Array<number>(inner).fill(Infinity);
  const nodeOf = new Int32Array(binned.length);
  for (let level = 0; level < depth; level++) {
    const first = (1 << level) - 1;
    const width = 1 << level;
    // Histograms per node of this level, feature and bin: summed gradient, curvature and count.
    const size = width * dimensions * bins;
    const g = new Float64Array(size);
    const h = new Float64Array(size);
    const c = new Int32Array(size);
    for (let i = 0; i < binned.length; i++) {
      const node = nodeOf[i]! - first;
      const row = binned[i]!;
      for (let j = 0; j < dimensions; j++) {
        const at = (node * dimensions + j) * bins + row[j]!;
        g[at]! += gradient[i]!;
        h[at]! += curvature[i]!;
        c[at]! += 1;
      }
    }
    const splitBin = new Int32Array(width).fill(-1);
    for (let node = 0; node < width; node++) {
      let best = 0;
      for (let j = 0; j < dimensions; j++) {
        const base = (node * dimensions + j) * bins;
        let G = 0;
        let H = 0;
        let C = 0;
        for (let b = 0; b < bins; b++) {
          G += g[base + b]!;
          H += h[base + b]!;
          C += c[base + b]!;
        }
        const parent = (G * G) / (H + l2);
        let gl = 0;
        let hl = 0;
        let cl = 0;
        for (let b = 0; b < bins - 1; b++) {
          gl += g[base + b]!;
          hl += h[base + b]!;
          cl += c[base + b]!;
          if (cl < minLeaf || C - cl < minLeaf) continue;
          const gain = (gl * gl) / (hl + l2) + ((G - gl) * (G - gl)) / (H - hl + l2) - parent;
          if (gain > best) {
            best = gain;
            features[first + node] = j;
            splitBin[node] = b;
          }
        }
      }
      if (splitBin[node]! >= 0) cuts[first + node] = thresholds[features[first + node]!]![splitBin[node]!]!;
    }
    for (let i = 0; i < binned.length; i++) {
      const node = nodeOf[i]!;
      const b = splitBin[node - first]!;
      nodeOf[i] = 2 * node + (b >= 0 && binned[i]![features[node]!]! > b ? 2 : 1);
    }
  }
  const leafCount = 1 << depth;
  const G = new Float64Array(leafCount);
  const H = new Float64Array(leafCount);
  const leafOf = new Int32Array(binned.length);
  for (let i = 0; i < binned.length; i++) {
    leafOf[i] = nodeOf[i]! - inner;
    G[leafOf[i]!]! += gradient[i]!;
    H[leafOf[i]!]! += curvature[i]!;
  }
  const leaves = Array.from({ length: leafCount }, (_, leaf) => -G[leaf]! / (H[leaf]! + l2));
  return { features, thresholds: cuts, leaves, leafOf };
}

/** Per feature, ascending distinct cut values: a value v falls in bin k when cut[k−1] < v ≤ cut[k]. */
function quantileThresholds(rows: readonly ArrayLike<number>[], dimensions: number, bins: number): number[][] {
  return Array.from({ length: dimensions }, (_, j) => {
    const values = rows.map((row) => row[j] ?? 0).sort((a, b) => a - b);
    const cuts = new Set<number>();
    for (let k = 1; k < bins; k++) cuts.add(values[Math.floor((k * (values.length - 1)) / bins)]!);
    return [...cuts].sort((a, b) => a - b);
  });
}

function binOf(cuts: readonly number[], value: number): number {
  let bin = 0;
  while (bin < cuts.length && value > cuts[bin]!) bin++;
  return bin;
}
