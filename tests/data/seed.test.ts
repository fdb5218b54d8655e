import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storeDataSchema } from '../../src/model/store-data.js';
import { VERDICTS, VERDICT_LABELS } from '../../src/model/verdict.js';

const SEED_PATH = new URL('../../data/seed.json', import.meta.url);
const REAL_ARTICLE_ID = 'article-ru-cn-alliance';

const raw: unknown = JSON.parse(readFileSync(SEED_PATH, 'utf8'));
const seed = storeDataSchema.parse(raw);
const realArticle = seed.articles.find((article) => article.id === REAL_ARTICLE_ID);
const claimsById = new Map(seed.claims.map((claim) => [claim.id, claim]));

/** Every string anywhere in the file, so a URL hidden in a body or summary is caught too. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** RFC 2606 / RFC 6761 names that can never point at a real site. */
function isReservedExampleHost(hostname: string): boolean {
  return (
    /(^|\.)example\.(com|net|org)$/.test(hostname) ||
    /\.(example|test|invalid|localhost)$/.test(hostname)
  );
}

function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

describe('data/seed.json', () => {
  it('parses with the store schema and says what it is in its note', () => {
    expect(seed.claims.length).toBeGreaterThanOrEqual(20);
    expect(seed.note).toMatch(/one real article/i);
    expect(seed.note).toMatch(/fictional/i);
  });

  it('gives every claim and article an id of its own', () => {
    const ids = [...seed.claims, ...seed.articles].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points every article at claims that exist in the file', () => {
    for (const article of seed.articles) {
      expect(article.claimIds.length, article.id).toBeGreaterThan(0);
      for (const claimId of article.claimIds) expect(claimsById.has(claimId), `${article.id} -> ${claimId}`).toBe(true);
    }
  });

  it('has at least three articles, each with the label its publisher gave it', () => {
    expect(seed.articles.length).toBeGreaterThanOrEqual(3);
    for (const article of seed.articles) expect(article.label, article.id).toBeTruthy();
  });

  it('covers every canonical verdict', () => {
    const verdicts = new Set(seed.claims.map((claim) => claim.verdict));
    expect([...verdicts].sort()).toEqual([...VERDICTS].sort());
  });

  it('keeps ratings in the publishers’ own words rather than only the canonical labels', () => {
    const canonical = new Set(Object.values(VERDICT_LABELS).map((label) => label.toLowerCase()));
    const ownWords = new Set(seed.claims.map((claim) => claim.rating).filter((r) => !canonical.has(r.toLowerCase())));
    expect(ownWords.size).toBeGreaterThanOrEqual(10);
  });

  it('speaks at least seven languages, with claim text in each', () => {
    const languages = new Set(seed.claims.map((claim) => primaryLanguage(claim.language)));
    for (const expected of ['en', 'es', 'pt', 'fr', 'de', 'ar', 'ru']) expect(languages).toContain(expected);
    expect(languages.size).toBeGreaterThanOrEqual(7);
  });

  it('writes a summary saying why for every claim', () => {
    for (const claim of seed.claims) expect(claim.summary?.length ?? 0, claim.id).toBeGreaterThan(40);
  });

  it('marks every entry except the real article as sample', () => {
    for (const claim of seed.claims) expect(claim.sample, claim.id).toBe(true);
    for (const article of seed.articles.filter((a) => a.id !== REAL_ARTICLE_ID)) {
      expect(article.sample, article.id).toBe(true);
    }
  });

  it('never credits a verdict to a real fact-checker: reviewers are our notes or visibly fictional desks', () => {
    const fictionalMarker = /fictional|ficticio|fictícia|fictif|fiktiv|وهمي|вымышлен/i;
    for (const claim of seed.claims) {
      const name = claim.reviewer.name;
      expect(name === 'factdesk sample notes' || fictionalMarker.test(name), `${claim.id}: ${name}`).toBe(true);
    }
  });

  it('links only to reserved example domains', () => {
    const urls = allStrings(raw).flatMap((text) => text.match(/https?:\/\/[^\s"'<>)»]+/gi) ?? []);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(isReservedExampleHost(new URL(url).hostname), url).toBe(true);
  });

  it('records where claims circulated, on both a video-like and a social-like example site', () => {
    const hosts = new Set(seed.claims.flatMap((claim) => claim.appearances.map((url) => new URL(url).hostname)));
    expect(hosts).toContain('video.example.net');
    expect(hosts).toContain('social.example.com');
  });

  it('dates reviews both recently and more than a year back, never before the claim itself', () => {
    const reviewDates = seed.claims.flatMap((claim) => (claim.reviewDate ? [claim.reviewDate] : [])).sort();
    const newest = new Date(reviewDates.at(-1)!);
    const oldest = new Date(reviewDates[0]!);
    expect(newest.getUTCFullYear()).toBe(2026);
    expect(newest.getTime() - oldest.getTime()).toBeGreaterThan(365 * 24 * 3600 * 1000);
    for (const claim of seed.claims) {
      if (claim.claimDate && claim.reviewDate) expect(claim.reviewDate >= claim.claimDate, claim.id).toBe(true);
      if (claim.reviewDate) expect(new Date(claim.reviewDate).getTime(), claim.id).toBeLessThanOrEqual(Date.now());
    }
  });
});

describe('the real article in the seed', () => {
  it('keeps the publisher’s badge as its label and the view count the source shows', () => {
    expect(realArticle?.title).toBe('Russia has de facto concluded a military alliance with China');
    expect(realArticle?.label).toBe('Fact-checked');
    expect(realArticle?.metrics?.views).toBe(270);
    expect(realArticle?.body).not.toMatch(/Views:|✅/);
  });

  it('invents no link, date or publisher name the source does not give', () => {
    expect(realArticle?.url).toBeUndefined();
    expect(realArticle?.publishedDate).toBeUndefined();
    expect(realArticle?.publisher).toMatch(/unnamed/i);
    expect(realArticle?.sample).toBeUndefined();
  });

  it('credits The National Interest and the analyst it quotes', () => {
    expect(realArticle?.attribution.map((a) => a.name)).toEqual(['The National Interest', 'Caleb Larson']);
  });

  it('carries the caveat that its own last quote undercuts the headline', () => {
    expect(realArticle?.context).toContain('not yet committed');
    expect(realArticle?.body).toContain('not yet committed to a specific military alliance');
  });

  it('leads with the headline claim, rated misleading by factdesk’s sample notes', () => {
    const [first, ...rest] = (realArticle?.claimIds ?? []).map((id) => claimsById.get(id));
    expect(first?.verdict).toBe('misleading');
    expect(first?.summary).toContain('not yet committed');
    expect(rest).toHaveLength(3);
    for (const claim of [first, ...rest]) {
      expect(claim?.reviewer).toEqual({ name: 'factdesk sample notes' });
      expect(claim?.reviewUrl).toBeUndefined();
    }
    for (const claim of rest) expect(claim?.verdict).toBe('unproven');
  });
});
