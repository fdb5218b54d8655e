import { describe, expect, it } from 'vitest';
import { ClaimSuggester } from '../../../src/adapters/discord/claim-suggester.js';
import { LookupService } from '../../../src/core/lookup.js';
import type { ClaimReview } from '../../../src/model/claim-review.js';

function claim(id: string, text: string, verdict: ClaimReview['verdict'] = 'false'): ClaimReview {
  return { id, claim: text, verdict, rating: 'x', reviewer: { name: 'Desk' }, language: 'en', appearances: [], tags: [] };
}

function suggesterOver(claims: ClaimReview[]): { suggester: ClaimSuggester; lookup: LookupService } {
  const lookup = LookupService.fromEntries({ claims });
  return { suggester: new ClaimSuggester(lookup), lookup };
}

const values = async (suggester: ClaimSuggester, typed: string) => (await suggester.suggest(typed)).map((choice) => choice.value);

describe('ClaimSuggester', () => {
  it('suggests claims matching what has been typed so far, even with a typo', async () => {
    const { suggester } = suggesterOver([claim('a', 'The Verrow bridge was closed for 14 months'), claim('b', 'Mondays are optional')]);
    expect(await values(suggester, 'verow bridge')).toEqual(['The Verrow bridge was closed for 14 months']);
  });

  it('completes a word still being typed, and puts claims with every typed word first', async () => {
    const { suggester } = suggesterOver([
      claim('a', 'Tea lowers blood sugar'),
      claim('b', 'VitaBrisk tea reverses diabetes'),
      claim('c', 'VitaBrisk is sold in shops'),
    ]);
    expect((await values(suggester, 'tea vitab'))[0]).toBe('VitaBrisk tea reverses diabetes');
    expect((await values(suggester, 'vitab')).sort()).toEqual(['VitaBrisk is sold in shops', 'VitaBrisk tea reverses diabetes']);
  });

  it('takes a word followed by a space as finished, not as the start of a longer one', async () => {
    const { suggester } = suggesterOver([claim('a', 'Tea lowers blood sugar'), claim('b', 'Teachers strike in March')]);
    expect(await values(suggester, 'tea ')).toEqual(['Tea lowers blood sugar']);
    expect((await values(suggester, 'tea')).sort()).toEqual(['Tea lowers blood sugar', 'Teachers strike in March']);
  });

  it('still finds a short word typed with a mistake', async () => {
    const { suggester } = suggesterOver([claim('a', 'The Verrow bridge was closed'), claim('b', 'Mondays are optional')]);
    expect(await values(suggester, 'verow')).toEqual(['The Verrow bridge was closed']);
  });

  it('offers nothing for one letter or a link', async () => {
    const { suggester } = suggesterOver([claim('a', 'https claims about links')]);
    expect(await suggester.suggest('h')).toEqual([]);
    expect(await suggester.suggest('https://example.org/x')).toEqual([]);
  });

  it('suggests a claim added after it was made, at the next keystroke', async () => {
    const { suggester, lookup } = suggesterOver([claim('a', 'Tea cures diabetes')]);
    expect(await suggester.suggest('ferry')).toEqual([]);
    await lookup.add({ claims: [claim('b', 'The ferry runs every 20 minutes', 'other')] });
    expect(await suggester.suggest('ferry')).toEqual([{ name: 'Other · The ferry runs every 20 minutes', value: 'The ferry runs every 20 minutes' }]);
  });

  it('returns at most 25 distinct choices, names and values within 100 characters', async () => {
    const long = 'x'.repeat(30);
    const claims = Array.from({ length: 60 }, (_, index) => claim(`c${index}`, `Ferry claim ${index} ${long} ${long} ${long} ${long}`));
    claims.push(claim('dup', claims[0]!.claim));
    const choices = await suggesterOver(claims).suggester.suggest('ferry claim');
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((choice) => choice.value)).size).toBe(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });
});
