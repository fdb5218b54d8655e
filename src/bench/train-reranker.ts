/**
 * Trains the rerank model (src/search/reranker-weights.ts) on the TRAIN splits of the bench sets,
 * never on dev or test: every query's candidate pool comes from the real search path with its
 * feature vectors, and a pairwise logistic model learns to put the right claim first.
 *
 *   node --import tsx src/bench/train-reranker.ts [--root ../shared/bench] [--folds 5] [--drop a,b] [--write]
 *
 * Prints cross-validated train MAP@5 per set (the current model vs the one learned on the other
 * folds); with --write, fits on all train queries and rewrites reranker-weights.ts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RANKING_FEATURES } from '../search/ranking-features.js';
import { linearScore, type LinearModel } from '../search/linear-model.js';
import { RERANKER_WEIGHTS } from '../search/reranker-weights.js';
import { SearchIndex } from '../search/search-index.js';
import { SEARCH_CONFIG } from '../search/config.js';
import { loadBenchSet } from './bench-set.js';
import { averagePrecisionAt, mean } from './metrics.js';
import { trainPairwiseLogistic, type RankingGroup } from './pairwise-logistic.js';
import { DEFAULT_BENCH_ROOT } from '../cli/bench-command.js';

const SETS = ['ct2020', 'politifact'];
const POOL = 50;
/** Candidates are gathered in BM25F order, whatever the committed model: it may not fit the features any more. */
const BM25_ORDER: LinearModel = {
  features: RANKING_FEATURES,
  mean: RANKING_FEATURES.map(() => 0),
  scale: RANKING_FEATURES.map(() => 1),
  weights: RANKING_FEATURES.map((name) => (name === 'bm25Relative' ? 1 : 0)),
};

interface LabelledGroup extends RankingGroup {
  set: string;
  ids: string[];
  relevantIds: Set<string>;
}

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: DEFAULT_BENCH_ROOT },
    folds: { type: 'string', default: '5' },
    drop: { type: 'string', default: '' },
    l2: { type: 'string', default: '0.001' },
    negatives: { type: 'string', default: '10' },
    write: { type: 'boolean', default: false },
  },
});

const dropped = new Set(values.drop ? values.drop.split(',') : []);
const groups: LabelledGroup[] = [];
for (const name of SETS) groups.push(...(await collect(path.join(values.root, name))));
const folds = Number(values.folds);
const l2 = Number(values.l2);
const negatives = Number(values.negatives);

const currentFits = RERANKER_WEIGHTS.features.join() === RANKING_FEATURES.join();
const learnedMap = new Map<string, number[]>();
const currentMap = new Map<string, number[]>();
for (let fold = 0; fold < folds; fold++) {
  const training = groups.filter((_, i) => i % folds !== fold);
  const model = trainPairwiseLogistic(training.map(masked), RANKING_FEATURES, { l2 });
  groups.forEach((group, i) => {
    if (i % folds !== fold) return;
    push(learnedMap, group.set, apAt5(group, group.vectors.map((vector) => linearScore(model, maskVector(vector)))));
    if (currentFits) push(currentMap, group.set, apAt5(group, group.vectors.map((vector) => linearScore(RERANKER_WEIGHTS, vector))));
  });
}
for (const set of SETS) {
  const recall = mean(groups.filter((group) => group.set === set).map((group) => (group.relevant.some(Boolean) ? 1 : 0)));
  process.stdout.write(
    `${set} train (${folds}-fold CV): current MAP@5 ${mean(currentMap.get(set) ?? []).toFixed(4)}  learned ${mean(learnedMap.get(set) ?? []).toFixed(4)}  (right claim in top ${POOL}: ${(recall * 100).toFixed(1)}%)\n`,
  );
}

if (values.write) {
  const model = trainPairwiseLogistic(groups.map(masked), RANKING_FEATURES, { l2 });
  writeFileSync(new URL('../search/reranker-weights.ts', import.meta.url), weightsSource(model));
  process.stdout.write(`weights: ${model.features.map((name, j) => `${name} ${model.weights[j]!.toFixed(3)}`).join(', ')}\n`);
}

async function collect(dir: string): Promise<LabelledGroup[]> {
  const set = await loadBenchSet(dir, 'train');
  const index = new SearchIndex();
  for (const claim of set.claims) index.add({ id: claim.id, kind: 'claim', claim: claim.claim, title: claim.title, summary: claim.summary, claimant: claim.claimant });
  return set.queries.map((query) => {
    const pool = index.candidates(query.text, POOL, undefined, BM25_ORDER);
    const relevantIds = set.qrels.get(query.id) ?? new Set<string>();
    return {
      set: set.name,
      ids: pool.map((candidate) => candidate.id),
      vectors: pool.map((candidate) => candidate.vector),
      relevant: pool.map((candidate) => relevantIds.has(candidate.id)),
      relevantIds,
    };
  });
}

/**
 * The training view of a group: the candidates measured in detail only (beyond them some features
 * are not computed, and a right claim there would teach the model that they do not matter), the
 * first `negatives` wrong ones (the hard ones), and dropped features zeroed.
 */
function masked(group: LabelledGroup): LabelledGroup {
  let wrongSeen = 0;
  const kept = group.relevant.map((relevant, i) => i < SEARCH_CONFIG.rerank.detailPool && (relevant || wrongSeen++ < negatives));
  group = {
    ...group,
    ids: group.ids.filter((_, i) => kept[i]),
    vectors: group.vectors.filter((_, i) => kept[i]),
    relevant: group.relevant.filter((_, i) => kept[i]),
  };
  if (dropped.size === 0) return group;
  const keep = RANKING_FEATURES.map((name) => !dropped.has(name));
  return { ...group, vectors: group.vectors.map((vector) => Float64Array.from(vector, (value, j) => (keep[j] ? value : 0))) };
}

function maskVector(vector: ArrayLike<number>): Float64Array {
  return Float64Array.from(RANKING_FEATURES, (name, j) => (dropped.has(name) ? 0 : (vector[j] ?? 0)));
}

function apAt5(group: LabelledGroup, scores: number[]): number {
  const order = group.ids.map((id, i) => ({ id, score: scores[i]! })).sort((a, b) => b.score - a.score);
  return averagePrecisionAt(order.map((entry) => entry.id), group.relevantIds, 5);
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  if (!map.has(key)) map.set(key, []);
  map.get(key)!.push(value);
}

function weightsSource(model: LinearModel): string {
  const list = (values: readonly number[]) => `[${values.map((value) => Number(value.toPrecision(4))).join(', ')}]`;
  return `/**
 * The learned rerank model: a linear score over \`RANKING_FEATURES\`, each standardised by \`mean\`
 * and \`scale\` first. Written by \`src/bench/train-reranker.ts\` from the train splits only; re-run
 * it after changing a feature.
 */
export const RERANKER_WEIGHTS = {
  features: [${model.features.map((name) => `'${name}'`).join(', ')}],
  mean: ${list(model.mean)},
  scale: ${list(model.scale)},
  weights: ${list(model.weights)},
} as const;
`;
}
