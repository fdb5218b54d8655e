import { describe, expect, it } from 'vitest';
import { linksOf, toSearchDocument } from '../../src/core/entries.js';
import type { Article } from '../../src/model/article.js';
import type { ClaimReview } from '../../src/model/claim-review.js';

// Sample data, fictional: no real fact-checker or publisher.
const claim: ClaimReview = {
  id: 'moon',
  claim: 'The 1969 moon landing was filmed in a studio.',
  title: 'Was the moon landing staged?',
  summary: 'Hundreds of kilograms of lunar rock were brought back.',
  claimant: 'A viral post',
  verdict: 'false',
  rating: 'False',
  reviewer: { name: 'Example Checks' },
  reviewUrl: 'https://checks.example/moon',
  language: 'en',
  appearances: ['https://social.example/post/1'],
  tags: [],
};
const article: Article = {
  id: 'moon-story',
  url: 'https://news.example/moon',
  title: 'Moon landing staged, says post',
  publisher: 'Example News',
  summary: 'A post claims the landing was filmed.',
  body: 'The post has been shared widely.',
  attribution: [],
  claimIds: [],
  language: 'en',
};

describe('entries as the lookup indexes them', () => {
  it('are known by their links: a claim by its review and where it circulated, an article by its own', () => {
    expect(linksOf({ kind: 'claim', value: claim })).toEqual(['https://checks.example/moon', 'https://social.example/post/1']);
    expect(linksOf({ kind: 'article', value: article })).toEqual(['https://news.example/moon']);
    expect(linksOf({ kind: 'article', value: { ...article, url: undefined } })).toEqual([]);
  });

  it('know a claim by the addresses of the other reviews folded into it too', () => {
    const folded = { ...claim, otherReviewUrls: ['https://checks.example/moon-2019'] };
    expect(linksOf({ kind: 'claim', value: folded })).toEqual(['https://checks.example/moon', 'https://checks.example/moon-2019', 'https://social.example/post/1']);
  });

  it('are searched by claim, title and summary; an article by its headline, with summary and body as context', () => {
    expect(toSearchDocument({ kind: 'claim', value: claim })).toEqual({
      id: 'moon',
      kind: 'claim',
      claim: claim.claim,
      title: claim.title,
      summary: claim.summary,
      claimant: 'A viral post',
      language: 'en',
    });
    expect(toSearchDocument({ kind: 'article', value: article })).toEqual({
      id: 'moon-story',
      kind: 'article',
      claim: 'Moon landing staged, says post',
      summary: 'A post claims the landing was filmed.\nThe post has been shared widely.',
      language: 'en',
    });
  });
});
