import { describe, expect, it } from 'vitest';
import { articleResult, articleVerdict, claimResult } from '../../src/core/result-items.js';
import type { Article } from '../../src/model/article.js';
import type { ClaimReview } from '../../src/model/claim-review.js';

// Sample data, fictional: no real fact-checker or publisher.
const claim: ClaimReview = {
  id: 'moon',
  claim: 'The 1969 moon landing was filmed in a studio.',
  verdict: 'false',
  rating: 'False',
  reviewer: { name: 'Example Checks', url: 'https://checks.example/' },
  reviewUrl: 'https://checks.example/moon',
  reviewDate: '2020-05-01',
  summary: 'Hundreds of kilograms of lunar rock were brought back.',
  claimant: 'A viral post',
  language: 'en',
  appearances: [],
  tags: [],
  sample: true,
};

const article: Article = {
  id: 'moon-story',
  url: 'https://news.example/moon',
  title: 'Moon landing staged, says post',
  publisher: 'Example News',
  attribution: [{ name: 'Example Wire' }],
  claimIds: ['missing', 'moon'],
  language: 'en',
  context: 'Repeats the viral post without checking it.',
  sample: true,
};

describe('lookup result items', () => {
  it('show a claim with its verdict, source, date and context, the score within 0..1 to three decimals', () => {
    expect(claimResult(claim, 0.123456, 'text')).toEqual({
      id: 'moon',
      kind: 'claim',
      title: claim.claim,
      verdict: 'false',
      rating: 'False',
      source: { name: 'Example Checks', url: 'https://checks.example/moon' },
      date: '2020-05-01',
      context: claim.summary,
      claimant: 'A viral post',
      language: 'en',
      score: 0.123,
      matchedBy: 'text',
      reason: 'text',
      sample: true,
    });
    expect(claimResult(claim, 1.7, 'url')).toMatchObject({ score: 1, matchedBy: 'url' });
    expect(claimResult({ ...claim, reviewUrl: undefined }, -2, 'text')).toMatchObject({ score: 0, source: { url: 'https://checks.example/' } });
  });

  it('show an article with the verdict of the first of its claims that is stored, crediting whom it cites', () => {
    const verdict = articleVerdict(article, new Map([['moon', claim]]));
    expect(verdict).toBe('false');
    expect(articleVerdict(article, new Map())).toBe('other');
    expect(articleResult(article, verdict, 0.5, 'text')).toMatchObject({
      kind: 'article',
      title: 'Moon landing staged, says post',
      verdict: 'false',
      rating: 'No label',
      source: { name: 'Example News, citing Example Wire', url: 'https://news.example/moon' },
      context: 'Repeats the viral post without checking it.',
    });
  });
});
