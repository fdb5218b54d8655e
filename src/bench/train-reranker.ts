/**
 * Trains the rerank model (src/search/reranker-weights.ts) on the TRAIN splits of the bench sets,
 * never on dev or test: every query's candidate pool comes from the real search path with its
 * feature vectors, and a pairwise logistic model learns to put the right claim first. Small
 * boosted trees (same pairwise loss) on top are an experiment, off by default: they gained on
 * train but lost MAP@5 as a store grows (README, "A third round").
 *
 *   node --import tsx src/bench/train-reranker.ts [--root ../shared/bench] [--folds 5] [--repeats 1] [--drop a,b]
 *     [--grouped] [--adapter --adapter-l2 0.01 --adapter-epochs 60]
 *     [--trees 0 --depth 3 --shrinkage 0.1 --min-leaf 30 --lambda --tree-pool 50 --tree-negatives 50] [--write]
 *
 * Claims and queries are embedded by the sentence encoder, so every candidate also carries the
 * semantic similarity; two models are learned, over RANKING_FEATURES (lexical, used when the encoder
 * is off or a candidate is not embedded yet) and over SEMANTIC_RANKING_FEATURES. --adapter scores
 * an experiment, a learned query adapter (query-adapter-training.ts), cross-fitted over the folds.
 * --grouped keeps each topic (a debate's lines, the tweets answered by one claim) in one fold: a
 * model that learns topics looks better on folds that share them than on new ones.
 *
 * Prints cross-validated train MAP@5 per set and model (the current model vs the one learned on the other
 * folds, and its linear part alone); --trees N adds N trees to the linear model; --repeats R averages
 * R different fold splits (use it to compare feature sets: one split moves by ±0.5 points); with
 * --write, fits on all train queries and rewrites reranker-weights.ts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RANKING_FEATURES, SEMANTIC_RANKING_FEATURES } from '../search/ranking-features.js';
import { linearScore, type LinearModel } from '../search/linear-model.js';
import { rankingScore, type RankingModel } from '../search/ranking-model.js';
import { RERANKER_WEIGHTS, SEMANTIC_RERANKER_WEIGHTS } from '../search/reranker-weights.js';
import { embeddingText, queryEmbeddingText, SemanticLayer } from '../semantic/semantic-layer.js';
import { adaptQuery, trainQueryAdapter, type AdapterSample } from './query-adapter-training.js';
import { SentenceEncoder } from '../semantic/sentence-encoder.js';
import { SearchIndex } from '../search/search-index.js';
import { toSearchDocument } from '../core/entries.js';
import { SEARCH_CONFIG } from '../search/config.js';
import { loadBenchSet } from './bench-set.js';
import { averagePrecisionAt, mean } from './metrics.js';
import { trainPairwiseLogistic, type RankingGroup } from './pairwise-logistic.js';
import { trainBoostedTrees, type BoostingOptions } from './boosted-ranker.js';
import { modelSource } from './model-source.js';
import { DEFAULT_BENCH_ROOT } from '../cli/bench-command.js';

const SETS = ['ct2020', 'politifact'];
const POOL = 50;
/**
 * Candidates are gathered in BM25F order, whatever the committed models: they may not fit the
 * features any more. Both feature lists begin with `bm25Relative`, so this model reads either.
 */
const BM25_ORDER: LinearModel = { features: ['bm25Relative'], mean: [0], scale: [1], weights: [1] };

interface LabelledGroup extends RankingGroup {
  set: string;
  queryId: string;
  ids: string[];
  relevantIds: Set<string>;
  /** The same candidates' vectors over SEMANTIC_RANKING_FEATURES (`vectors` are over RANKING_FEATURES). */
  semanticVectors: Float64Array[];
  /** With --adapter: the query's and the candidates' embeddings, to fit the query adapter on. */
  embeddings?: { query: Float32Array; candidates: Float32Array[] };
}

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: DEFAULT_BENCH_ROOT },
    folds: { type: 'string', default: '5' },
    repeats: { type: 'string', default: '1' },
    drop: { type: 'string', default: '' },
    l2: { type: 'string', default: '0.001' },
    negatives: { type: 'string', default: '10' },
    trees: { type: 'string', default: '0' },
    depth: { type: 'string', default: '3' },
    shrinkage: { type: 'string', default: '0.1' },
    'min-leaf': { type: 'string', default: '30' },
    lambda: { type: 'boolean', default: false },
    'tree-pool': { type: 'string', default: String(POOL) },
    'tree-negatives': { type: 'string', default: String(POOL) },
    write: { type: 'boolean', default: false },
    adapter: { type: 'boolean', default: false },
    grouped: { type: 'boolean', default: false },
    'adapter-l2': { type: 'string', default: '0.01' },
    'adapter-epochs': { type: 'string', default: '60' },
  },
});

const GROUPED = values.grouped;
const dropped = new Set(values.drop ? values.drop.split(',') : []);
if (values.adapter && values.write) throw new Error('--adapter is an experiment: its similarities are not the bot\'s, so no model is written from them');
// Both cores: training is not serving lookups.
const encoder = await SentenceEncoder.load({ threads: 2 });
const groups: LabelledGroup[] = [];
for (const name of SETS) groups.push(...(await collect(path.join(values.root, name))));
await encoder.release();
const folds = Number(values.folds);
if (values.adapter) crossFitAdapter(groups, folds);
const l2 = Number(values.l2);
const negatives = Number(values.negatives);
const repeats = Number(values.repeats);
const treePool = Number(values['tree-pool']);
const treeNegatives = Number(values['tree-negatives']);
const boosting: BoostingOptions = {
  trees: Number(values.trees),
  depth: Number(values.depth),
  shrinkage: Number(values.shrinkage),
  minLeaf: Number(values['min-leaf']),
  lambda: values.lambda,
};

const MODELS = [
  { name: 'lexical', features: RANKING_FEATURES, current: RERANKER_WEIGHTS },
  { name: 'semantic', features: SEMANTIC_RANKING_FEATURES, current: SEMANTIC_RERANKER_WEIGHTS },
] as const;
for (const { name, features: featureList, current } of MODELS) {
  const features: readonly string[] = featureList;
  const currentFits = current.features.join() === features.join();
  const learnedMap = new Map<string, number[]>();
  const linearMap = new Map<string, number[]>();
  const currentMap = new Map<string, number[]>();
  // Repeat 0 deals queries to folds in turn; further repeats shuffle them, so a difference between
  // two feature sets is not an accident of one split (each repeat still scores every query once).
  for (let repeat = 0; repeat < repeats; repeat++) {
    const foldOf = foldAssignment(groups, folds, repeat);
    for (let fold = 0; fold < folds; fold++) {
      const model = fit(groups.filter((_, i) => foldOf[i] !== fold), features);
      groups.forEach((group, i) => {
        if (foldOf[i] !== fold) return;
        const vectors = vectorsOf(group, features).map((vector) => maskVector(vector, features));
        push(linearMap, group.set, apAt5(group, vectors.map((vector) => linearScore(model, vector))));
        push(learnedMap, group.set, apAt5(group, vectors.map((vector) => rankingScore(model, vector))));
        if (currentFits && repeat === 0) push(currentMap, group.set, apAt5(group, vectorsOf(group, features).map((vector) => rankingScore(current, vector))));
      });
    }
  }
  for (const set of SETS) {
    const recall = mean(groups.filter((group) => group.set === set).map((group) => (group.relevant.some(Boolean) ? 1 : 0)));
    const average = (map: Map<string, number[]>) => mean(map.get(set) ?? []).toFixed(4);
    process.stdout.write(
      `${set} train, ${name} model (${folds}-fold CV${repeats > 1 ? ` ×${repeats}` : ''}): current MAP@5 ${average(currentMap)}  learned ${average(learnedMap)} (its linear part alone ${average(linearMap)})  (right claim in top ${POOL}: ${(recall * 100).toFixed(1)}%)\n`,
    );
  }
}

if (values.write) {
  const [lexical, semantic] = MODELS.map(({ features }) => fit(groups, features)) as [RankingModel, RankingModel];
  writeFileSync(new URL('../search/reranker-weights.ts', import.meta.url), modelSource(lexical, semantic));
  for (const model of [lexical, semantic]) {
    process.stdout.write(`weights: ${model.features.map((name, j) => `${name} ${model.weights[j]!.toFixed(3)}`).join(', ')}\n`);
  }
}

/**
 * The --adapter experiment (query-adapter-training.ts), cross-fitted: each query's semantic
 * similarities are replaced by those of its embedding adapted by a query adapter fitted on the
 * other folds' queries, so the rerank models are scored as on unseen queries.
 */
function crossFitAdapter(all: LabelledGroup[], foldCount: number): void {
  const similarity = SEMANTIC_RANKING_FEATURES.indexOf('semanticSimilarity');
  const setSize = (set: string) => all.filter((group) => group.set === set).length;
  const sample = (group: LabelledGroup): AdapterSample => ({
    query: group.embeddings!.query,
    candidates: group.embeddings!.candidates,
    relevant: group.relevant,
    // Each set weighs the same, however many train queries it has: a later test may come from either kind of source.
    weight: 1 / setSize(group.set),
  });
  const options = { l2: Number(values['adapter-l2']), epochs: Number(values['adapter-epochs']) };
  const foldOf = foldAssignment(all, foldCount, 0);
  for (let fold = 0; fold < foldCount; fold++) {
    const adapter = trainQueryAdapter(all.filter((_, i) => foldOf[i] !== fold).map(sample), options);
    all.forEach((group, i) => {
      if (foldOf[i] !== fold) return;
      const query = adaptQuery(adapter, group.embeddings!.query);
      group.embeddings!.candidates.forEach((claim, j) => (group.semanticVectors[j]![similarity] = cosine(query, claim)));
    });
    process.stderr.write(`query adapter: fold ${fold + 1} of ${foldCount} fitted\n`);
  }
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k]! * b[k]!;
  return sum;
}

/** The linear model, then (with --trees) boosted trees fitted on top of its scores. */
function fit(training: readonly LabelledGroup[], features: readonly string[]): RankingModel {
  const linear = trainPairwiseLogistic(training.map((group) => masked(group, features)), features, { l2 });
  if (!boosting.trees) return linear;
  // The trees see the whole pool, as the rerank does: past the detail pool some features are 0 there too.
  const views = training.map((group) => masked(group, features, treePool, treeNegatives));
  const base = views.map((group) => Float64Array.from(group.vectors, (vector) => linearScore(linear, vector)));
  return { ...linear, trees: trainBoostedTrees(views, base, features.length, boosting) };
}

async function collect(dir: string): Promise<LabelledGroup[]> {
  const set = await loadBenchSet(dir, 'train');
  const index = new SearchIndex();
  for (const claim of set.claims) index.add(toSearchDocument({ kind: 'claim', value: claim }));
  const semantic = new SemanticLayer(encoder);
  semantic.embedMissing(index.claimTexts());
  await semantic.whenEmbedded();
  const claimTexts = new Map([...index.claimTexts()].map(({ id, text }) => [id, text]));
  const claimEmbeddings = new Map<string, Float32Array>();
  const claimEmbedding = async (id: string) => {
    if (!claimEmbeddings.has(id)) claimEmbeddings.set(id, Float32Array.from(await encoder.embed(embeddingText(claimTexts.get(id)!))));
    return claimEmbeddings.get(id)!;
  };
  const groups: LabelledGroup[] = [];
  for (const query of set.queries) {
    const pool = index.candidates(query.text, POOL, undefined, BM25_ORDER);
    const semanticPool = index.candidates(query.text, POOL, undefined, BM25_ORDER, await semantic.similarityTo(query.text));
    if (semanticPool.some((candidate, i) => candidate.vector.length !== SEMANTIC_RANKING_FEATURES.length || candidate.id !== pool[i]?.id)) {
      throw new Error(`query ${query.id}: a candidate has no embedding, or the pools differ`);
    }
    const relevantIds = set.qrels.get(query.id) ?? new Set<string>();
    groups.push({
      set: set.name,
      queryId: query.id,
      ids: pool.map((candidate) => candidate.id),
      vectors: pool.map((candidate) => candidate.vector),
      semanticVectors: semanticPool.map((candidate) => candidate.vector),
      relevant: pool.map((candidate) => relevantIds.has(candidate.id)),
      relevantIds,
      embeddings: values.adapter
        ? {
            query: Float32Array.from(await encoder.embed(queryEmbeddingText(query.text))),
            candidates: await Promise.all(pool.map((candidate) => claimEmbedding(candidate.id))),
          }
        : undefined,
    });
  }
  return groups;
}

/**
 * The training view of a group: the candidates measured in detail only (beyond them some features
 * are not computed, and a right claim there would teach the model that they do not matter), the
 * first `negatives` wrong ones (the hard ones), and dropped features zeroed.
 */
function masked(group: LabelledGroup, features: readonly string[], pool: number = SEARCH_CONFIG.rerank.detailPool, wrongKept = negatives): LabelledGroup {
  let wrongSeen = 0;
  const kept = group.relevant.map((relevant, i) => i < pool && (relevant || wrongSeen++ < wrongKept));
  return {
    ...group,
    ids: group.ids.filter((_, i) => kept[i]),
    vectors: vectorsOf(group, features)
      .filter((_, i) => kept[i])
      .map((vector) => maskVector(vector, features)),
    relevant: group.relevant.filter((_, i) => kept[i]),
  };
}

/** The group's vectors over this feature list. */
function vectorsOf(group: LabelledGroup, features: readonly string[]): Float64Array[] {
  return features === (SEMANTIC_RANKING_FEATURES as readonly string[]) ? group.semanticVectors : (group.vectors as Float64Array[]);
}

/** The vector cut to the model's features, dropped ones zeroed. */
function maskVector(vector: ArrayLike<number>, features: readonly string[]): Float64Array {
  return Float64Array.from(features, (name, j) => (dropped.has(name) ? 0 : (vector[j] ?? 0)));
}

function apAt5(group: LabelledGroup, scores: number[]): number {
  const order = group.ids.map((id, i) => ({ id, score: scores[i]! })).sort((a, b) => b.score - a.score);
  return averagePrecisionAt(order.map((entry) => entry.id), group.relevantIds, 5);
}

/**
 * Fold of each group: with --grouped, whole topics go to one fold (a debate's lines, the tweets
 * answered by the same claim), so no fold is tested on a topic it was trained on; else queries in turn.
 * Repeat 0 deals them in turn, the others a seeded shuffle of that.
 */
function foldAssignment(groups: readonly LabelledGroup[], folds: number, repeat: number): Int32Array {
  if (!GROUPED) return shuffled(Int32Array.from(groups, (_, i) => i % folds), repeat);
  const topics = [...new Set(groups.map(topicOf))];
  const topicFolds = shuffled(Int32Array.from(topics, (_, i) => i % folds), repeat);
  const foldOfTopic = new Map(topics.map((topic, i) => [topic, topicFolds[i]!]));
  return Int32Array.from(groups, (group) => foldOfTopic.get(topicOf(group))!);
}

/** A politifact query's debate or speech (its id less the line number); a ct2020 tweet's right claims. */
function topicOf(group: LabelledGroup): string {
  return group.set === 'politifact' ? `${group.set}:${group.queryId.replace(/_\d+$/u, '')}` : `${group.set}:${[...group.relevantIds].sort().join()}`;
}

function shuffled(foldOf: Int32Array, repeat: number): Int32Array {
  const count = foldOf.length;
  let state = repeat * 2654435761;
  for (let i = count - 1; repeat > 0 && i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [foldOf[i], foldOf[j]] = [foldOf[j]!, foldOf[i]!];
  }
  return foldOf;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  if (!map.has(key)) map.set(key, []);
  map.get(key)!.push(value);
}
