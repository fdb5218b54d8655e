import { describe, expect, it } from 'vitest';
import { ClaimantCounts, NO_CLAIMANT } from '../../src/search/claimant-counts.js';

describe('ClaimantCounts', () => {
  it('gives the most-checked claimant a prior of 1 and a rarer one less', () => {
    const counts = new ClaimantCounts();
    const [often] = ['a', 'b', 'c'].map(() => counts.add('Barack Obama'));
    const rare = counts.add('Jane Local');
    expect(counts.prior(often!)).toBe(1);
    expect(counts.prior(rare)).toBeGreaterThan(0);
    expect(counts.prior(rare)).toBeLessThan(counts.prior(often!));
  });

  it('matches claimants by their folded name', () => {
    const counts = new ClaimantCounts();
    const first = counts.add('Barack Obama');
    const second = counts.add('barack  OBAMA');
    const other = counts.add('Someone Else');
    expect(second).toBe(first);
    expect(counts.keyAt(first)).toBe('barack obama');
    expect(counts.prior(other)).toBeLessThan(counts.prior(first));
  });

  it('counts a folded claimant taken back from a snapshot as the name it was folded from', () => {
    const counts = new ClaimantCounts();
    const byName = counts.add('Barack Obama');
    expect(counts.addKey(counts.keyAt(byName))).toBe(byName);
    expect(counts.addKey(undefined)).toBe(NO_CLAIMANT);
  });

  it('gives 0 to a claim without a claimant', () => {
    const counts = new ClaimantCounts();
    expect(counts.add(undefined)).toBe(NO_CLAIMANT);
    expect(counts.add('  ')).toBe(NO_CLAIMANT);
    counts.add('Someone');
    expect(counts.prior(NO_CLAIMANT)).toBe(0);
    expect(counts.keyAt(NO_CLAIMANT)).toBeUndefined();
  });

  it('follows removals down to the most-checked claimant, and reuses a number nobody is counted under', () => {
    const counts = new ClaimantCounts();
    const often = counts.add('Often');
    counts.add('Often');
    const once = counts.add('Once');
    counts.remove(often);
    expect(counts.prior(often)).toBe(1);
    expect(counts.prior(once)).toBe(1);
    counts.add('Often');
    expect(counts.prior(once)).toBeLessThan(1);
    counts.remove(once);
    expect(counts.keyAt(once)).toBeUndefined();
    expect(counts.add('Newcomer')).toBe(once);
    counts.remove(NO_CLAIMANT);
    expect(counts.prior(often)).toBe(1);
  });
});
