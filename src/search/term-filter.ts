/** Bits of the filter: 2,048, so a query's few dozen terms leave about 2% of other terms passing. */
const WORDS = 64;

/**
 * The few term ids of a query, tested against every term of each of a lookup's fifty candidates
 * (thousands of tests): most terms are not the query's, and one read of this bit set turns them
 * down before any Map is probed. A term that passes may still not be the query's (a Bloom-style
 * test with one hash), so callers look it up as before; one that fails is certainly not.
 */
export class TermFilter {
  private readonly bits = new Int32Array(WORDS);

  constructor(termIds: Iterable<number>) {
    for (const termId of termIds) this.bits[(termId >>> 5) % WORDS]! |= 1 << (termId & 31);
  }

  mayHold(termId: number): boolean {
    return (this.bits[(termId >>> 5) % WORDS]! & (1 << (termId & 31))) !== 0;
  }
}
