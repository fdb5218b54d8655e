import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/ingest/parse/parse-source.js';
import { describeIssue } from '../../src/ingest/types.js';
import { validateDrafts } from '../../src/ingest/validate-drafts.js';

const searchResult = {
  claims: [
    {
      text: 'Europe lost power everywhere on Monday.',
      claimant: 'x.com',
      claimDate: '2025-04-28T19:23:46Z',
      claimReview: [
        {
          publisher: { name: 'Misbar', site: 'misbar.com' },
          url: 'https://www.misbar.com/factcheck/2025/04/28/power',
          title: 'Power went out in some European countries, not all of Europe',
          reviewDate: '2025-04-28T19:23:46Z',
          textualRating: 'مضلل',
          languageCode: 'ar',
        },
        {
          publisher: { name: 'Example Desk', site: 'desk.example.org' },
          url: 'https://desk.example.org/power',
          textualRating: 'Misleading',
          languageCode: 'en',
        },
      ],
    },
  ],
  nextPageToken: 'abc',
};

describe('Google Fact Check Tools JSON', () => {
  it('reads claims:search results: one claim per review, publisher as reviewer, textualRating as rating', () => {
    const parsed = parseSource(JSON.stringify(searchResult), { file: 'search.json', format: 'auto' });
    expect(parsed.format).toBe('factcheck-api');
    const { claims } = validateDrafts(parsed.drafts);
    expect(claims.map((claim) => claim.value)).toEqual([
      expect.objectContaining({
        claim: 'Europe lost power everywhere on Monday.',
        title: 'Power went out in some European countries, not all of Europe',
        verdict: 'misleading',
        rating: 'مضلل',
        reviewer: { name: 'Misbar', url: 'https://misbar.com' },
        reviewUrl: 'https://www.misbar.com/factcheck/2025/04/28/power',
        reviewDate: '2025-04-28T19:23:46Z',
        claimant: 'x.com',
        claimDate: '2025-04-28T19:23:46Z',
        language: 'ar',
      }),
      expect.objectContaining({ reviewer: { name: 'Example Desk', url: 'https://desk.example.org' }, language: 'en', verdict: 'misleading' }),
    ]);
    expect(claims[1]?.location.path).toBe('claims[0].claimReview[1]');
  });

  it('reads the claims array on its own, as saved from the API', () => {
    const parsed = parseSource(JSON.stringify(searchResult.claims), { file: 'claims.json', format: 'auto' });
    expect(parsed.format).toBe('factcheck-api');
    expect(parsed.drafts).toHaveLength(2);
    expect(parsed.drafts[0]?.location.path).toBe('[0].claimReview[0]');
  });

  it('reads pages markup: the page’s author, date and address, the markup’s claim, rating, claimant and appearances', async () => {
    const text = await readFile(path.join(import.meta.dirname, 'fixtures', 'factcheck-pages.json'), 'utf8');
    const parsed = parseSource(text, { file: 'pages.json', format: 'factcheck-api' });
    const { claims, issues } = validateDrafts(parsed.drafts);
    expect(issues).toEqual([]);
    expect(claims[0]?.value).toMatchObject({
      claim: 'Vinegar in the radiator doubles mileage.',
      verdict: 'false',
      rating: 'Pants on Fire',
      reviewer: { name: 'Example Desk', url: 'https://desk.example.org' },
      reviewUrl: 'https://desk.example.org/checks/vinegar',
      reviewDate: '2024-02-01',
      claimant: 'Car forum post',
      claimDate: '2024-01-20',
      summary: 'Vinegar corrodes radiators.',
      appearances: ['https://social.example.com/p/40', 'https://social.example.com/p/41'],
    });
  });

  it('names a claim without reviews, and refuses a document that is not an API response', () => {
    const parsed = parseSource(JSON.stringify({ claims: [{ text: 'x', claimReview: [] }] }), { file: 's.json', format: 'factcheck-api' });
    expect(parsed.issues.map(describeIssue)).toEqual(['s.json claims[0]: claimReview: is missing: the claim has no review']);
    const other = parseSource('{"hello": 1}', { file: 'h.json', format: 'factcheck-api' });
    expect(other.issues.map(describeIssue)[0]).toMatch(/^h\.json: is not a Fact Check Tools response/);
  });
});
