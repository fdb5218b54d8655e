import { describe, expect, it } from 'vitest';
import { adaptQuery, trainQueryAdapter, type AdapterSample } from '../../src/bench/query-adapter-training.js';
import { EMBEDDING_SIZE as ADAPTER_SIZE } from '../../src/semantic/sentence-encoder.js';

/** A unit vector along the given axes, with the given weights. */
function unit(parts: Record<number, number>): Float64Array {
  const vector = new Float64Array(ADAPTER_SIZE);
  for (const [axis, value] of Object.entries(parts)) vector[Number(axis)] = value;
  const length = Math.hypot(...vector);
  return vector.map((value) => value / length);
}

describe('trainQueryAdapter', () => {
  it('learns to move queries toward the way their right claims are worded', () => {
    // Queries speak on axis 0 plus a topic axis; their right claims carry the topic on axis 100 + topic
    // (another wording), next to a wrong claim that shares the query's own axis 0 more.
    const samples: AdapterSample[] = Array.from({ length: 30 }, (_, topic) => ({
      query: unit({ 0: 1, [1 + topic]: 1 }),
      candidates: [unit({ 0: 1.2, [1 + ((topic + 1) % 30)]: 1 }), unit({ [1 + topic]: 0.5, [100 + topic]: 1 })],
      relevant: [false, true],
    }));
    const before = samples.filter((sample) => rightFirst(sample, undefined)).length;
    const adapter = trainQueryAdapter(samples, { epochs: 40 });
    expect(before).toBe(0);
    expect(samples.filter((sample) => rightFirst(sample, adapter)).length).toBe(samples.length);
  });

  it('leaves the encoder as it is when no query has a right candidate to learn from', () => {
    const adapter = trainQueryAdapter([{ query: unit({ 0: 1 }), candidates: [unit({ 1: 1 })], relevant: [false] }]);
    expect(adapter.every((value) => value === 0)).toBe(true);
  });
});

function rightFirst(sample: AdapterSample, adapter: Float32Array | undefined): boolean {
  const query = adapter ? adaptQuery(adapter, sample.query) : sample.query;
  const scores = sample.candidates.map((candidate) => Array.from(candidate).reduce((sum, value, k) => sum + value * query[k]!, 0));
  return scores[1]! > scores[0]!;
}
