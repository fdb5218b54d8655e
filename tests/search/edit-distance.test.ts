import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '../../src/search/edit-distance.js';

describe('boundedEditDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(boundedEditDistance('rusia', 'russia', 2)).toBe(1);
    expect(boundedEditDistance('chna', 'china', 2)).toBe(1);
    expect(boundedEditDistance('milatary', 'military', 2)).toBe(1);
    expect(boundedEditDistance('kitten', 'sitting', 3)).toBe(3);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(boundedEditDistance('form', 'from', 2)).toBe(1);
  });

  it('is zero for equal words', () => {
    expect(boundedEditDistance('same', 'same', 1)).toBe(0);
  });

  it('stops at max + 1 once the distance is certain to exceed max', () => {
    expect(boundedEditDistance('vaccine', 'volcano', 1)).toBe(2);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
  });
});
