import { describe, expect, it } from 'vitest';
import { fuzzySimilarity } from '../../src/search/fuzzy-similarity.js';

describe('fuzzySimilarity', () => {
  const targets = [
    { slot: 1, text: 'Russia has de facto concluded a military alliance with China' },
    { slot: 2, text: 'The moon landing was filmed in a studio' },
  ];

  it('scores misspelt words against the text they nearly match', () => {
    const similarity = fuzzySimilarity(['rusia', 'milatary'], targets);
    expect(similarity.get(1)).toBeGreaterThan(similarity.get(2) ?? 0);
  });

  it('stays within 0..1 and leaves out texts that match nothing', () => {
    const similarity = fuzzySimilarity(['moon'], targets);
    expect(similarity.get(2)).toBeGreaterThan(0);
    expect(similarity.get(2)).toBeLessThanOrEqual(1);
    expect(similarity.has(1)).toBe(false);
  });

  it('returns nothing without words or targets', () => {
    expect(fuzzySimilarity([], targets).size).toBe(0);
    expect(fuzzySimilarity(['moon'], []).size).toBe(0);
  });
});
