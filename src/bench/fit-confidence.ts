/**
 * Fits the confidence used when the sentence encoder ranks (`SEARCH_CONFIG.semanticConfidence`,
 * see src/search/confidence.ts) on the TRAIN splits, never on dev or test, and scores it against
 * the words-only confidence by 5-fold cross-validation (folds by query).
 *
 *   node --import tsx src/bench/fit-confidence.ts [--root ../shared/bench]
 *
 * A confidence must hold when the right claim is not in the store at all, and on short queries, so
 * every query is asked four ways, as the words-only confidence was fitted: of the full store, of
 * the store without its answer, of a 25-claim store with its answer, and of one without; and for
 * each query, 2-6 consecutive words of a random stored claim are asked of the full store and of the
 * store without that claim. A hit is right when it is an answer or an answer's twin (same claim text).
 * Prints the fitted coefficients (to be copied into src/search/config.ts) and, per set and way of
 * asking, how often the top hit is confident and how often a confident one is wrong.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBenchSet, type BenchSet } from './bench-set.js';
import { DEFAULT_BENCH_ROOT } from '../cli/bench-command.js';
import { CONFIDENT_MATCH } from '../search/config.js';
import { SearchIndex } from '../search/search-index.js';
import type { SemanticSimilarity } from '../search/types.js';
import { SemanticLayer } from '../semantic/semantic-layer.js';
import { SentenceEncoder } from '../semantic/sentence-encoder.js';
import { foldText } from '../ingest/fold-text.js';
import { toSearchDocument } from '../core/entries.js';
import { seededRandom } from './scale-store.js';
import { logistic, semanticConfidenceOf } from '../search/confidence.js';
import { fitConfidenceModel, type ConfidenceSample } from './confidence-model-fit.js';

const SETS = ['ct2020', 'politifact'];
const WAYS = ['full store', 'answer removed', '25 claims with it', '25 claims without it', 'words of a claim', 'words, claim removed'] as const;
type Way = (typeof WAYS)[number];
const SMALL_STORE = 25;
const FOLDS = 5;

interface Asked extends ConfidenceSample {
  set: string;
  query: string;
  way: Way;
}

const { values } = parseArgs({ options: { root: { type: 'string', default: DEFAULT_BENCH_ROOT } } });
// Both cores: fitting is not serving lookups.
const encoder = await SentenceEncoder.load({ threads: 2 });
const asked: Asked[] = [];
for (const name of SETS) asked.push(...(await askAll(await loadBenchSet(path.join(values.root, name), 'train'))));
await encoder.release();

const crossFitted = new Map<Asked, number>();
const foldOf = (entry: Asked) => hashOf(`${entry.set}:${entry.query}`) % FOLDS;
for (let fold = 0; fold < FOLDS; fold++) {
  const fitted = fitConfidenceModel(asked.filter((entry) => foldOf(entry) !== fold));
  for (const entry of asked) if (foldOf(entry) === fold) crossFitted.set(entry, semanticConfidenceOf(entry.evidence, fitted));
}
// The likeliest fit answers more often, wrong ones too. Its bar is raised until, over every way of
// asking, it is confident and wrong no more often than the words-only confidence at CONFIDENT_MATCH;
// the raise goes into the intercept, so CONFIDENT_MATCH stays the one threshold.
const wrongWithWords = asked.filter((entry) => !entry.right && logistic(entry.evidence.lexical) >= CONFIDENT_MATCH).length;
let bar = CONFIDENT_MATCH;
while (bar < 0.99 && asked.filter((entry) => !entry.right && crossFitted.get(entry)! >= bar).length > wrongWithWords) bar += 0.01;
const model = fitConfidenceModel(asked);
model.intercept -= Math.log(bar / (1 - bar)) - Math.log(CONFIDENT_MATCH / (1 - CONFIDENT_MATCH));
process.stdout.write(
  `bar ${bar.toFixed(2)} (confident and wrong: words only ${wrongWithWords})\n` +
    `semanticConfidence: { intercept: ${model.intercept.toFixed(3)}, lexical: ${model.lexical.toFixed(3)}, meaningLead: ${model.meaningLead.toFixed(3)}, scoreLead: ${model.scoreLead.toFixed(3)} }\n`,
);
for (const set of SETS) {
  for (const way of WAYS) {
    const rows = asked.filter((entry) => entry.set === set && entry.way === way);
    const line = (label: string, confidence: (entry: Asked) => number) => {
      const confident = rows.filter((entry) => confidence(entry) >= CONFIDENT_MATCH);
      const wrong = confident.filter((entry) => !entry.right).length;
      return `${label} ${percent(confident.length, rows.length)} confident, ${percent(wrong, confident.length)} of them wrong`;
    };
    process.stdout.write(
      `${set} train, ${way} (${rows.length}): ${line('words only', (entry) => logistic(entry.evidence.lexical))}; ${line('with the encoder (CV)', (entry) => (crossFitted.get(entry)! >= bar ? 1 : 0))}\n`,
    );
  }
}

/** Every train query of the set asked the four ways, plus words of a random claim asked two ways. */
async function askAll(set: BenchSet): Promise<Asked[]> {
  const full = new SearchIndex();
  for (const claim of set.claims) full.add(toSearchDocument({ kind: 'claim', value: claim }));
  const semantic = new SemanticLayer(encoder);
  semantic.embedMissing(full.claimTexts());
  await semantic.whenEmbedded();
  const claimText = new Map(set.claims.map((claim) => [claim.id, foldText(claim.claim)]));
  const random = seededRandom(set.name.length);
  const results: Asked[] = [];
  const ask = (index: SearchIndex, query: string, way: Way, answers: ReadonlySet<string>, similarity: SemanticSimilarity | undefined, exclude?: ReadonlySet<string>) => {
    const leader = index.candidates(query, 50, exclude, undefined, similarity)[0];
    if (!leader?.confidenceEvidence) return;
    const texts = new Set([...answers].map((id) => claimText.get(id)));
    results.push({ set: set.name, query, way, right: answers.has(leader.id) || texts.has(claimText.get(leader.id)), evidence: leader.confidenceEvidence });
  };
  const byId = new Map(set.claims.map((claim) => [claim.id, claim]));
  /** 25 claims: `kept` and random others, none of them an answer or an answer's twin. */
  const smallStore = (kept: readonly string[], answers: ReadonlySet<string>) => {
    const index = new SearchIndex();
    const ids = new Set(kept);
    const answerTexts = new Set([...answers].map((id) => claimText.get(id)));
    while (ids.size < SMALL_STORE) {
      const id = set.claims[Math.floor(random() * set.claims.length)]!.id;
      if (!answerTexts.has(claimText.get(id))) ids.add(id);
    }
    for (const id of ids) index.add(toSearchDocument({ kind: 'claim', value: byId.get(id)! }));
    return index;
  };
  for (const query of set.queries) {
    const answers = set.qrels.get(query.id) ?? new Set<string>();
    const similarity = await semantic.similarityTo(query.text);
    ask(full, query.text, 'full store', answers, similarity);
    ask(full, query.text, 'answer removed', answers, similarity, answers);
    ask(smallStore([...answers].slice(0, 1), answers), query.text, '25 claims with it', answers, similarity);
    ask(smallStore([], answers), query.text, '25 claims without it', answers, similarity);

    const claim = set.claims[Math.floor(random() * set.claims.length)]!;
    const words = claim.claim.split(/\s+/u).filter(Boolean);
    const length = 2 + Math.floor(random() * 5);
    const from = Math.floor(random() * Math.max(1, words.length - length + 1));
    const snippet = words.slice(from, from + length).join(' ');
    const snippetSimilarity = await semantic.similarityTo(snippet);
    ask(full, snippet, 'words of a claim', new Set([claim.id]), snippetSimilarity);
    ask(full, snippet, 'words, claim removed', new Set([claim.id]), snippetSimilarity, new Set([claim.id]));
  }
  return results;
}

function percent(part: number, whole: number): string {
  return `${whole > 0 ? ((part / whole) * 100).toFixed(1) : '0.0'}%`;
}

function hashOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
