import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/bench/calibration.js';

const query = (hits: [string, number][], relevant: string[]) => ({
  id: 'q',
  hits: hits.map(([id, score]) => ({ id, score })),
  relevant: new Set(relevant),
});

describe('calibrate', () => {
  it('counts confident wrong answers and right claims below the threshold', () => {
    const report = calibrate(
      [
        query([['a', 0.9], ['b', 0.2]], ['a']), // confident and right
        query([['x', 0.8], ['a', 0.3]], ['a']), // confident and wrong; right one below
        query([['b', 0.3]], ['b']), // right but not confident
        query([['c', 0.1]], ['z']), // right claim not found
      ],
      0.5,
    );
    expect(report).toEqual({ threshold: 0.5, queries: 4, confident: 2, confidentWrong: 1, rightBelowThreshold: 2, rightNotFound: 1 });
  });
});
