import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/ingest/parse/parse-source.js';
import { describeIssue } from '../../src/ingest/types.js';
import { validateDrafts } from '../../src/ingest/validate-drafts.js';

const fixture = (name: string) => readFile(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

function importClaims(text: string, file = 'feed.json') {
  const parsed = parseSource(text, { file, format: 'claimreview' });
  const checked = validateDrafts(parsed.drafts);
  return { parsed, checked, claims: checked.claims.map((claim) => claim.value) };
}

const review = (overrides: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://desk.example.org/checks/a',
  claimReviewed: 'Claim A',
  author: { '@type': 'Organization', name: 'Example Desk', url: 'https://desk.example.org' },
  reviewRating: { '@type': 'Rating', alternateName: 'False' },
  ...overrides,
});

describe('schema.org ClaimReview JSON-LD', () => {
  it('reads one object, with the rating text, reviewer, link and a stable id from the link', () => {
    const { claims, parsed } = importClaims(JSON.stringify(review({ datePublished: '2024-03-01', inLanguage: 'en-GB' })));
    expect(parsed.issues).toEqual([]);
    expect(claims).toEqual([
      expect.objectContaining({
        claim: 'Claim A',
        verdict: 'false',
        rating: 'False',
        reviewer: { name: 'Example Desk', url: 'https://desk.example.org' },
        reviewUrl: 'https://desk.example.org/checks/a',
        reviewDate: '2024-03-01',
        language: 'en-GB',
        id: expect.stringMatching(/^desk-example-org-[0-9a-f]{12}$/),
      }),
    ]);
    expect(importClaims(JSON.stringify(review())).claims[0]?.id).toBe(claims[0]?.id);
  });

  it('reads an array of reviews, in order', () => {
    const { claims } = importClaims(JSON.stringify([review(), review({ url: 'https://desk.example.org/checks/b', claimReviewed: 'Claim B' })]));
    expect(claims.map((claim) => claim.claim)).toEqual(['Claim A', 'Claim B']);
  });

  it('reads an @graph, resolving references to the author and the reviewed claim, with fields given as arrays', async () => {
    const { claims, parsed } = importClaims(await fixture('claimreview-graph.json'));
    expect(parsed.issues).toEqual([]);
    expect(claims).toHaveLength(2);
    expect(claims[0]).toMatchObject({
      claim: 'The moon is made of cheese.',
      title: 'No, the moon is not made of cheese',
      verdict: 'mostly-false',
      rating: '2 of 5',
      reviewer: { name: 'Example Desk', url: 'https://desk.example.org' },
      reviewDate: '2024-01-05T09:30:00Z',
      claimant: 'Viral page',
      claimDate: '2024-01-02',
      appearances: ['https://social.example.com/p/9'],
      tags: ['space', 'food'],
      summary: 'Lunar samples are rock.',
    });
    expect(claims[1]).toMatchObject({ claim: 'The moon moves the tides.', verdict: 'true', rating: 'True', reviewUrl: 'https://desk.example.org/checks/tides' });
  });

  it('reads reviews embedded in an HTML page, with appearances given as URLs or CreativeWorks and the page’s address as the link', async () => {
    const { claims, parsed } = importClaims(await fixture('claimreview-page.html'), 'page.html');
    expect(parsed.issues).toEqual([]);
    expect(claims).toEqual([
      expect.objectContaining({
        claim: 'El agua caliente cura la gripe.',
        verdict: 'false',
        rating: 'Falso',
        language: 'es',
        reviewer: { name: 'Verificador de Ejemplo', url: 'https://verificador.example.org' },
        reviewUrl: 'https://verificador.example.org/2024/05/agua-caliente?utm_source=feed&ref=home',
        claimant: 'Cadena de WhatsApp',
        claimDate: '2024-04-30',
        appearances: ['https://social.example.com/p/1', 'https://social.example.com/p/2', 'https://video.example.net/v/3'],
      }),
    ]);
  });

  it('reads ratingValue given as a number or as text on the review’s scale', () => {
    const asNumber = importClaims(JSON.stringify(review({ reviewRating: { ratingValue: 5, bestRating: 5, worstRating: 1 } })));
    const asText = importClaims(JSON.stringify(review({ reviewRating: { ratingValue: '5', bestRating: '5', worstRating: '1' } })));
    expect(asNumber.claims[0]?.verdict).toBe('true');
    expect(asText.claims[0]?.verdict).toBe('true');
  });

  it('shortens a rating that is a whole explanation, keeping the text as the summary', () => {
    const explanation = `False. ${'The post takes a 2019 video out of its context and presents it as new. '.repeat(4)}`;
    const [claim] = importClaims(JSON.stringify(review({ reviewRating: { alternateName: explanation } }))).claims;
    expect(claim?.rating.length).toBeLessThanOrEqual(151);
    expect(claim?.rating.endsWith('…')).toBe(true);
    expect(claim?.summary).toBe(explanation.trim());
  });

  it('names a review without claim text by its place and field, and a page without ClaimReview', () => {
    const { checked } = importClaims(JSON.stringify([review(), review({ claimReviewed: undefined, url: 'https://desk.example.org/x' })]));
    expect(checked.issues.map(describeIssue)).toEqual(['feed.json [1]: claimReviewed: is missing: every fact-check needs the claim it checked']);
    const page = parseSource('<html><script type="application/ld+json">{"@type":"NewsArticle"}</script></html>', { file: 'p.html', format: 'auto' });
    expect(page.issues.map(describeIssue)).toEqual(['p.html: has JSON-LD, but no ClaimReview in it']);
  });

  it('names the line of broken JSON inside a page', () => {
    const page = '<html>\n<head>\n<script type="application/ld+json">\n{"@type": "ClaimReview",,}\n</script>';
    const parsed = parseSource(page, { file: 'p.html', format: 'claimreview' });
    expect(parsed.issues).toHaveLength(1);
    expect(describeIssue(parsed.issues[0]!)).toMatch(/^p\.html line 4: is not valid JSON/);
  });
});
