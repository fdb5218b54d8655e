import { describe, expect, it } from 'vitest';
import { ClaimSuggester, type ClaimSource } from '../../../src/adapters/discord/claim-suggester.js';
import type { ClaimReview } from '../../../src/model/claim-review.js';

function claim(id: string, text: string, verdict: ClaimReview['verdict'] = 'false'): ClaimReview {
  return { id, claim: text, verdict, rating: 'x', reviewer: { name: 'Desk' }, language: 'en', appearances: [], tags: [] };
}

class Source implements ClaimSource {
  revision = 1;
  constructor(public claims: ClaimReview[]) {}
  async allClaims() {
    return this.claims;
  }
}

describe('ClaimSuggester', () => {
  it('suggests claims matching what has been typed so far, even with a typo', async () => {
    const suggester = new ClaimSuggester(new Source([claim('a', 'The Verrow bridge was closed for 14 months'), claim('b', 'Mondays are optional')]));
    expect((await suggester.suggest('verow bridge')).map((choice) => choice.value)).toEqual(['The Verrow bridge was closed for 14 months']);
  });

  it('completes a word still being typed, and puts claims with every typed word first', async () => {
    const suggester = new ClaimSuggester(
      new Source([claim('a', 'Tea lowers blood sugar'), claim('b', 'VitaBrisk tea reverses diabetes'), claim('c', 'VitaBrisk is sold in shops')]),
    );
    expect((await suggester.suggest('tea vitab'))[0]?.value).toBe('VitaBrisk tea reverses diabetes');
    expect((await suggester.suggest('vitab')).map((choice) => choice.value).sort()).toEqual(['VitaBrisk is sold in shops', 'VitaBrisk tea reverses diabetes']);
  });

  it('still finds a short word typed with a mistake', async () => {
    const suggester = new ClaimSuggester(new Source([claim('a', 'The Verrow bridge was closed'), claim('b', 'Mondays are optional')]));
    expect((await suggester.suggest('verow')).map((choice) => choice.value)).toEqual(['The Verrow bridge was closed']);
  });

  it('offers nothing for one letter or a link', async () => {
    const suggester = new ClaimSuggester(new Source([claim('a', 'https claims about links')]));
    expect(await suggester.suggest('h')).toEqual([]);
    expect(await suggester.suggest('https://example.org/x')).toEqual([]);
  });

  it('rebuilds its index when the entries change', async () => {
    const source = new Source([claim('a', 'Tea cures diabetes')]);
    const suggester = new ClaimSuggester(source);
    expect(await suggester.suggest('ferry')).toEqual([]);
    source.claims = [...source.claims, claim('b', 'The ferry runs every 20 minutes', 'other')];
    source.revision += 1;
    expect(await suggester.suggest('ferry')).toEqual([{ name: 'Other · The ferry runs every 20 minutes', value: 'The ferry runs every 20 minutes' }]);
  });

  it('returns at most 25 distinct choices, names and values within 100 characters', async () => {
    const long = 'x'.repeat(30);
    const claims = Array.from({ length: 60 }, (_, index) => claim(`c${index}`, `Ferry claim ${index} ${long} ${long} ${long} ${long}`));
    claims.push(claim('dup', claims[0]!.claim));
    const choices = await new ClaimSuggester(new Source(claims)).suggest('ferry claim');
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((choice) => choice.value)).size).toBe(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });
});
