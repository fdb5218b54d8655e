import { normalizeText } from './normalize.js';

/**
 * How many stored claims each claimant made. The people fact-checkers check most (candidates,
 * office holders) are the ones whose words come back in debates and posts, so a claim by a
 * much-checked claimant is likelier to be the one a query repeats.
 */
export class ClaimantCounts {
  private readonly claimantById = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  /** Claimants per count: keeps `largest` exact when claims are removed. */
  private readonly claimantsWithCount = new Map<number, number>();
  private largest = 0;
  /** Claimant as written → its folded key: a few thousand names stand behind a million claims. */
  private readonly keyByName = new Map<string, string>();

  add(id: string, claimant: string | undefined): void {
    this.remove(id);
    const key = claimant ? this.keyOf(claimant) : '';
    if (!key) return;
    this.claimantById.set(id, key);
    const count = (this.counts.get(key) ?? 0) + 1;
    this.move(key, count - 1, count);
    this.largest = Math.max(this.largest, count);
  }

  remove(id: string): void {
    const key = this.claimantById.get(id);
    if (key === undefined) return;
    this.claimantById.delete(id);
    const count = this.counts.get(key)!;
    this.move(key, count, count - 1);
    if (count === this.largest && !this.claimantsWithCount.has(count)) this.largest = count - 1;
  }

  /**
   * 0..1: log(1 + claims by this entry's claimant) over log(1 + claims by the most-checked one),
   * so the same in a small store as in a large one; 0 when the claimant is unknown.
   */
  prior(id: string): number {
    const key = this.claimantById.get(id);
    if (key === undefined || this.largest === 0) return 0;
    return Math.log1p(this.counts.get(key)!) / Math.log1p(this.largest);
  }

  private keyOf(claimant: string): string {
    let key = this.keyByName.get(claimant);
    if (key === undefined) {
      key = normalizeText(claimant);
      this.keyByName.set(claimant, key);
    }
    return key;
  }

  private move(key: string, from: number, to: number): void {
    if (from > 0) {
      const left = this.claimantsWithCount.get(from)! - 1;
      if (left === 0) this.claimantsWithCount.delete(from);
      else this.claimantsWithCount.set(from, left);
    }
    if (to > 0) {
      this.counts.set(key, to);
      this.claimantsWithCount.set(to, (this.claimantsWithCount.get(to) ?? 0) + 1);
    } else {
      this.counts.delete(key);
    }
  }
}
