import { describe, expect, it } from 'vitest';
import { TermFilter } from '../../src/search/term-filter.js';

describe('TermFilter', () => {
  it('passes every term it was built from', () => {
    const terms = [0, 1, 31, 32, 2047, 2048, 70_001, 1_000_003];
    const filter = new TermFilter(terms);
    for (const term of terms) expect(filter.mayHold(term)).toBe(true);
  });

  it('turns down most other terms', () => {
    const filter = new TermFilter([5, 1234, 98_765, 400_000, 17, 2222]);
    let passed = 0;
    for (let term = 0; term < 100_000; term++) if (![5, 1234, 98_765, 17, 2222].includes(term) && filter.mayHold(term)) passed++;
    // Six terms set at most six of 2,048 bits.
    expect(passed / 100_000).toBeLessThan(0.01);
  });

  it('passes nothing when built from no terms', () => {
    const filter = new TermFilter([]);
    expect([0, 1, 99, 123_456].some((term) => filter.mayHold(term))).toBe(false);
  });
});
