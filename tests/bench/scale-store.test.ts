import { describe, expect, it } from 'vitest';
import { scaledClaims } from '../../src/bench/scale-store.js';
import type { ClaimReview } from '../../src/model/claim-review.js';

const original = (id: string, claim: string, claimant: string): ClaimReview => ({
  id,
  claim,
  title: `Checking: ${claim}`,
  summary: `Our reporting on ${claim} found 12 problems.`,
  verdict: 'false',
  rating: 'False',
  reviewer: { name: 'PolitiFact' },
  claimant,
  language: 'en',
  appearances: [],
  tags: [],
});

const ORIGINALS = [
  original('a', 'Unemployment doubled during the last 4 years of the administration', 'Ann Smith'),
  original('b', 'The governor cut school funding by 300 million dollars', 'Bob Jones'),
];

describe('scaledClaims', () => {
  it('keeps the originals first and unchanged, then adds distinct variants up to the size', () => {
    const claims = scaledClaims(ORIGINALS, 50);
    expect(claims).toHaveLength(50);
    expect(claims.slice(0, 2)).toEqual(ORIGINALS);
    expect(new Set(claims.map((claim) => claim.id)).size).toBe(50);
    expect(claims.slice(2).some((claim) => claim.claim !== ORIGINALS[0]!.claim && claim.claim !== ORIGINALS[1]!.claim)).toBe(true);
  });

  it('builds the same store from the same seed, and another from another seed', () => {
    expect(scaledClaims(ORIGINALS, 30, 7)).toEqual(scaledClaims(ORIGINALS, 30, 7));
    expect(scaledClaims(ORIGINALS, 30, 7)).not.toEqual(scaledClaims(ORIGINALS, 30, 8));
  });
});
