import { normalizeText } from './normalize.js';

/** One claimant's number of stored claims, shared by all their claims' ids: one map lookup per prior. */
interface Tally {
  key: string;
  count: number;
}

/**
 * How many stored claims each claimant made. The people fact-checkers check most (candidates,
 * office holders) are the ones whose words come back in debates and posts, so a claim by a
 * much-checked claimant is likelier to be the one a query repeats.
 */
export class ClaimantCounts {
  private readonly tallyById = new Map<string, Tally>();
  private readonly tallyByKey = new Map<string, Tally>();
  /** Claimants per count: keeps `largest` exact when claims are removed. */
  private readonly claimantsWithCount = new Map<number, number>();
  private largest = 0;
  /** log(1 + largest), the prior's denominator: priors are read fifty per lookup. */
  private logLargest = 0;
  /** Claimant as written → its folded key: a few thousand names stand behind a million claims. */
  private readonly keyByName = new Map<string, string>();

  add(id: string, claimant: string | undefined): void {
    this.remove(id);
    this.addNew(id, claimant);
  }

  /**
   * `add` for an id not counted yet, as when restoring an index: skipping the look-up of what it
   * counted before saves a Map probe per entry, half a second at a million.
   */
  addNew(id: string, claimant: string | undefined): void {
    const key = claimant ? this.keyOf(claimant) : '';
    if (!key) return;
    let tally = this.tallyByKey.get(key);
    if (tally === undefined) {
      tally = { key, count: 0 };
      this.tallyByKey.set(key, tally);
    }
    this.tallyById.set(id, tally);
    this.move(tally.count, tally.count + 1);
    tally.count += 1;
    this.setLargest(Math.max(this.largest, tally.count));
  }

  remove(id: string): void {
    const tally = this.tallyById.get(id);
    if (tally === undefined) return;
    this.tallyById.delete(id);
    this.move(tally.count, tally.count - 1);
    if (tally.count === this.largest && !this.claimantsWithCount.has(tally.count)) this.setLargest(tally.count - 1);
    tally.count -= 1;
    if (tally.count === 0) this.tallyByKey.delete(tally.key);
  }

  /**
   * 0..1: log(1 + claims by this entry's claimant) over log(1 + claims by the most-checked one),
   * so the same in a small store as in a large one; 0 when the claimant is unknown.
   */
  prior(id: string): number {
    const tally = this.tallyById.get(id);
    if (tally === undefined || this.largest === 0) return 0;
    return Math.log1p(tally.count) / this.logLargest;
  }

  /** The folded claimant of this entry, as counted (for a snapshot: `add` takes it back as is). */
  claimantOf(id: string): string | undefined {
    return this.tallyById.get(id)?.key;
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
