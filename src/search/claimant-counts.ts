import { normalizeText } from './normalize.js';
import { grown } from './typed-arrays.js';

/** A claim's claimant number when it names none. */
export const NO_CLAIMANT = -1;

/**
 * How many stored claims each claimant made. The people fact-checkers check most (candidates,
 * office holders) are the ones whose words come back in debates and posts, so a claim by a
 * much-checked claimant is likelier to be the one a query repeats.
 *
 * Each claimant is counted under a small number, which the search index keeps per document slot:
 * a prior is then two typed-array reads, where a map from claim id cost a microsecond a candidate
 * in a lookup (the map's entries are scattered over the heap, fifty of them per lookup).
 */
export class ClaimantCounts {
  private readonly numberByKey = new Map<string, number>();
  /** Folded claimant by number (undefined: a number free for reuse). */
  private keys: (string | undefined)[] = [];
  private counts = new Int32Array(16);
  private readonly freeNumbers: number[] = [];
  /** Claimants per count: keeps `largest` exact when claims are removed. */
  private readonly claimantsWithCount = new Map<number, number>();
  private largest = 0;
  /** log(1 + largest), the prior's denominator: priors are read fifty per lookup. */
  private logLargest = 0;
  /** Claimant as written → its folded key: a few thousand names stand behind a million claims. */
  private readonly keyByName = new Map<string, string>();

  /** Counts one more claim by this claimant (as written); its number, or NO_CLAIMANT when it names none. */
  add(claimant: string | undefined): number {
    return this.addKey(claimant ? this.keyOf(claimant) : '');
  }

  /** `add` for a claimant already folded (a snapshot's, see `keyAt`). */
  addKey(key: string | undefined): number {
    if (!key) return NO_CLAIMANT;
    let number = this.numberByKey.get(key);
    if (number === undefined) {
      number = this.freeNumbers.pop() ?? this.keys.length;
      if (number === this.keys.length) this.keys.push(key);
      else this.keys[number] = key;
      if (number >= this.counts.length) this.counts = grown(this.counts, Math.max(number + 1, this.counts.length * 2), Int32Array);
      this.numberByKey.set(key, number);
    }
    const count = this.counts[number]!;
    this.move(count, count + 1);
    this.counts[number] = count + 1;
    this.setLargest(Math.max(this.largest, count + 1));
    return number;
  }

  /** Takes back one claim counted under this number (NO_CLAIMANT: nothing to take back). */
  remove(number: number): void {
    if (number === NO_CLAIMANT) return;
    const count = this.counts[number]!;
    this.move(count, count - 1);
    if (count === this.largest && !this.claimantsWithCount.has(count)) this.setLargest(count - 1);
    this.counts[number] = count - 1;
    if (count - 1 === 0) {
      this.numberByKey.delete(this.keys[number]!);
      this.keys[number] = undefined;
      this.freeNumbers.push(number);
    }
  }

  /**
   * 0..1: log(1 + claims by this claimant) over log(1 + claims by the most-checked one), so the
   * same in a small store as in a large one; 0 when the claim names no claimant.
   */
  prior(number: number): number {
    if (number === NO_CLAIMANT || this.largest === 0) return 0;
    return Math.log1p(this.counts[number]!) / this.logLargest;
  }

  /** The folded claimant counted under this number (for a snapshot: `addKey` takes it back as is). */
  keyAt(number: number): string | undefined {
    return number === NO_CLAIMANT ? undefined : this.keys[number];
  }

  private keyOf(claimant: string): string {
    let key = this.keyByName.get(claimant);
    if (key === undefined) {
      key = normalizeText(claimant);
      this.keyByName.set(claimant, key);
    }
    return key;
  }

  private setLargest(largest: number): void {
    this.largest = largest;
    this.logLargest = Math.log1p(largest);
  }

  private move(from: number, to: number): void {
    if (from > 0) {
      const left = this.claimantsWithCount.get(from)! - 1;
      if (left === 0) this.claimantsWithCount.delete(from);
      else this.claimantsWithCount.set(from, left);
    }
    if (to > 0) this.claimantsWithCount.set(to, (this.claimantsWithCount.get(to) ?? 0) + 1);
  }
}
