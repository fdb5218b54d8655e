import { describe, expect, it } from 'vitest';
import { ClaimantCounts } from '../../src/search/claimant-counts.js';

describe('ClaimantCounts', () => {
  it('gives the most-checked claimant a prior of 1 and a rarer one less', () => {
    const counts = new ClaimantCounts();
    ['a', 'b', 'c'].forEach((id) => counts.add(id, 'Barack Obama'));
    counts.add('d', 'Jane Local');
    expect(counts.prior('a')).toBe(1);
    expect(counts.prior('d')).toBeGreaterThan(0);
    expect(counts.prior('d')).toBeLessThan(counts.prior('a'));
  });

  it('matches claimants by their folded name', () => {
    const counts = new ClaimantCounts();
    counts.add('a', 'Barack Obama');
    counts.add('b', 'barack  OBAMA');
    counts.add('c', 'Someone Else');
    expect(counts.prior('c')).toBeLessThan(counts.prior('a'));
    expect(counts.prior('a')).toBe(counts.prior('b'));
  });

  it('counts an id not counted yet alike through addNew (a restore), and through add', () => {
    const viaAdd = new ClaimantCounts();
    const viaAddNew = new ClaimantCounts();
    const claims: [string, string | undefined][] = [['a', 'Barack Obama'], ['b', 'barack obama'], ['c', 'Jane Local'], ['d', undefined]];
    for (const [id, claimant] of claims) {
      viaAdd.add(id, claimant);
      viaAddNew.addNew(id, claimant);
    }
    expect(claims.map(([id]) => [viaAddNew.prior(id), viaAddNew.claimantOf(id)])).toEqual(claims.map(([id]) => [viaAdd.prior(id), viaAdd.claimantOf(id)]));
  });

  it('gives 0 to a claim without a claimant or unknown id', () => {
    const counts = new ClaimantCounts();
    counts.add('a', undefined);
    counts.add('b', 'Someone');
    expect(counts.prior('a')).toBe(0);
    expect(counts.prior('missing')).toBe(0);
  });

  it('follows removals and replacements, down to the most-checked claimant', () => {
    const counts = new ClaimantCounts();
    counts.add('a', 'Often');
    counts.add('b', 'Often');
    counts.add('c', 'Once');
    counts.remove('a');
    expect(counts.prior('b')).toBe(1);
    expect(counts.prior('c')).toBe(1);
    counts.add('c', 'Often');
    expect(counts.prior('c')).toBe(1);
    counts.remove('b');
    counts.remove('c');
    expect(counts.prior('c')).toBe(0);
  });
});
