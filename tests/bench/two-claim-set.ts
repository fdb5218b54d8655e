import type { BenchSet } from '../../src/bench/bench-set.js';
import type { ClaimReview } from '../../src/model/claim-review.js';

const original = (id: string, claim: string, claimant: string): ClaimReview => ({
  id,
  claim,
  title: `Checking: ${claim}`,
  verdict: 'false',
  rating: 'False',
  reviewer: { name: 'Desk' },
  reviewUrl: `https://checks.example.org/${id}`,
  claimant,
  language: 'en',
  appearances: [],
  tags: [],
});

/** A made-up set of two claims and one query, for the benches that grow a store from a set's claims. */
export const TWO_CLAIM_SET: BenchSet = {
  name: 'tiny',
  claims: [
    original('a', 'Unemployment doubled during the last 4 years of the administration', 'Ann Smith'),
    original('b', 'The governor cut school funding by 300 million dollars', 'Bob Jones'),
  ],
  queries: [{ id: 'q', text: 'did unemployment double' }],
  qrels: new Map([['q', new Set(['a'])]]),
};
