import { EMBEDDING_SIZE as ADAPTER_SIZE } from '../semantic/sentence-encoder.js';

/** One train query: its embedding, its candidate pool's claim embeddings (unit length) and which are right. */
export interface AdapterSample {
  query: ArrayLike<number>;
  candidates: readonly ArrayLike<number>[];
  relevant: readonly boolean[];
  /** The query's share of the loss, relative to the others' (default 1). */
  weight?: number;
}

export interface AdapterTrainingOptions {
  /** Softmax temperature over a pool's cosines. */
  temperature?: number;
  /** L2 penalty on B, which keeps the adapted query near the encoder's own. */
  l2?: number;
  epochs?: number;
  learningRate?: number;
}

/**
 * A query adapter, an experiment of the trainer (`--adapter`), not shipped: a 512 × 512 matrix B
 * that turns a query's embedding q into (q + Bq) / |q + Bq|, claims keeping their own, fitted so
 * that within each train query's candidate pool the adapted cosine puts the right claims first:
 * softmax cross-entropy over the pool (its wrong candidates are the hard negatives BM25F found),
 * full batch, Adam, B starting at 0 (the encoder as it is). It learned the train queries' topics
 * rather than a better reading of posts: README, "A seventh round".
 */
export function trainQueryAdapter(samples: readonly AdapterSample[], options: AdapterTrainingOptions = {}): Float32Array {
  const { temperature = 0.05, l2 = 0.01, epochs = 60, learningRate = 0.002 } = options;
  const n = ADAPTER_SIZE;
  const usable = samples.filter((sample) => sample.relevant.some(Boolean));
  const totalWeight = usable.reduce((sum, sample) => sum + (sample.weight ?? 1), 0);
  const matrix = new Float64Array(n * n);
  const moment = new Float64Array(n * n);
  const velocity = new Float64Array(n * n);
  const adapted = new Float64Array(n);
  const pull = new Float64Array(n);
  for (let step = 1; step <= epochs; step++) {
    const gradient = new Float64Array(n * n);
    for (const { query, candidates, relevant, weight = 1 } of usable) {
      const length = adaptInto(matrix, query, adapted);
      const logits = candidates.map((candidate) => dot(adapted, candidate) / temperature);
      const top = Math.max(...logits);
      const odds = logits.map((logit) => Math.exp(logit - top));
      const total = odds.reduce((sum, value) => sum + value, 0);
      const rightCount = relevant.filter(Boolean).length;
      // dLoss/dq' = Σ (p_i − y_i) / τ · c_i
      pull.fill(0);
      candidates.forEach((candidate, i) => {
        const weight = (odds[i]! / total - (relevant[i] ? 1 / rightCount : 0)) / temperature;
        for (let k = 0; k < n; k++) pull[k]! += weight * candidate[k]!;
      });
      // Through the normalisation: dLoss/du = (g − q'(q'·g)) / |u|; dLoss/dB = dLoss/du ⊗ q.
      const along = dot(adapted, pull);
      for (let row = 0; row < n; row++) {
        const byU = ((pull[row]! - adapted[row]! * along) / length) * (weight / totalWeight);
        if (byU === 0) continue;
        const offset = row * n;
        for (let column = 0; column < n; column++) gradient[offset + column]! += byU * query[column]!;
      }
    }
    for (let k = 0; k < n * n; k++) {
      const g = gradient[k]! + l2 * matrix[k]!;
      moment[k] = 0.9 * moment[k]! + 0.1 * g;
      velocity[k] = 0.999 * velocity[k]! + 0.001 * g * g;
      matrix[k]! -= (learningRate * (moment[k]! / (1 - 0.9 ** step))) / (Math.sqrt(velocity[k]! / (1 - 0.999 ** step)) + 1e-8);
    }
  }
  return Float32Array.from(matrix);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < ADAPTER_SIZE; k++) sum += a[k]! * b[k]!;
  return sum;
}

/** (q + Bq) / |q + Bq|, B row-major. */
export function adaptQuery(matrix: ArrayLike<number>, query: ArrayLike<number>): Float64Array {
  const adapted = new Float64Array(ADAPTER_SIZE);
  adaptInto(matrix, query, adapted);
  return adapted;
}

/** Writes (q + Bq) / |q + Bq| into `adapted`; returns |q + Bq|, which the gradient divides by. */
function adaptInto(matrix: ArrayLike<number>, query: ArrayLike<number>, adapted: Float64Array): number {
  let squares = 0;
  for (let row = 0; row < ADAPTER_SIZE; row++) {
    let value = query[row]!;
    const offset = row * ADAPTER_SIZE;
    for (let column = 0; column < ADAPTER_SIZE; column++) value += matrix[offset + column]! * query[column]!;
    adapted[row] = value;
    squares += value * value;
  }
  const length = Math.sqrt(squares) || 1;
  for (let row = 0; row < ADAPTER_SIZE; row++) adapted[row]! /= length;
  return length;
}
