import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { toClaimReviewDocument, toJsonl } from '../../src/ingest/export-store.js';
import { importSource } from '../../src/ingest/import-source.js';
import { storeDataSchema } from '../../src/model/store-data.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { SEED_PATH } from '../helpers/seed-core.js';
import { claim } from '../store/sample-data.js';

/** The committed seed (every verdict, seven languages, an article) plus shapes the seed lacks. */
async function variedStore(): Promise<MemoryStore> {
  const seed = storeDataSchema.parse(JSON.parse(await readFile(SEED_PATH, 'utf8')));
  return new MemoryStore({
    claims: [
      ...seed.claims,
      claim('long-rating', { rating: `Unrated by the desk: ${'a long explanation of why, '.repeat(10)}`, verdict: 'other' }),
      claim('same-as-title', { claim: 'Headline and claim alike', title: 'Headline and claim alike', tags: ['with, comma', 'plain'] }),
      claim('timestamped', { reviewDate: '2024-03-01T10:00:00.000Z', claimDate: '2024-02-01T08:00:00+01:00', sample: false }),
      claim('no-review-url', { reviewUrl: undefined, reviewer: { name: 'Desk without a site' } }),
      claim('checked-twice', { otherReviewUrls: ['https://checks.example.org/2019/first-look', 'https://checks.example.org/2021/second-look'] }),
    ],
    articles: seed.articles,
  });
}

async function roundTrip(text: string, file: string) {
  const store = new MemoryStore();
  const summary = await importSource(store, { text, file, format: 'auto' });
  return { store, summary };
}

describe('export', () => {
  it('JSONL round-trips: exported and imported into an empty store, the store is the same', async () => {
    const original = await variedStore();
    const claims = await original.listClaims();
    const articles = await original.listArticles();
    const { store, summary } = await roundTrip(toJsonl({ claims, articles }), 'export.jsonl');
    expect(summary).toMatchObject({ invalid: 0, outcomes: { merged: 0, added: claims.length + articles.length } });
    expect(await store.listClaims()).toEqual(claims);
    expect(await store.listArticles()).toEqual(articles);
  });

  it('ClaimReview JSON-LD round-trips the claims, verdicts and original ratings included', async () => {
    const original = await variedStore();
    const claims = await original.listClaims();
    const document = toClaimReviewDocument(claims);
    const parsed = JSON.parse(document) as { '@graph': Record<string, unknown>[] };
    expect(parsed['@graph'][0]).toMatchObject({ '@type': 'ClaimReview', reviewRating: { '@type': 'Rating' }, itemReviewed: { '@type': 'Claim' } });
    const { store, summary } = await roundTrip(document, 'export.json');
    expect(summary).toMatchObject({ format: 'claimreview', invalid: 0 });
    expect(await store.listClaims()).toEqual(claims);
  });

  it('is read back as a correction of nothing: importing an export into the same store changes nothing', async () => {
    const store = await variedStore();
    const text = toJsonl({ claims: await store.listClaims(), articles: await store.listArticles() });
    const summary = await importSource(store, { text, file: 'export.jsonl', format: 'auto' });
    expect(summary).toMatchObject({ written: false, outcomes: { added: 0, updated: 0 } });
  });

  it('writes an empty store as an empty file', () => {
    expect(toJsonl({ claims: [], articles: [] })).toBe('');
  });
});

