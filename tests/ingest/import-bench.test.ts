import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LookupService } from '../../src/core/lookup.js';
import { importSource } from '../../src/ingest/import-source.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { benchFile } from './bench-data.js';

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);

const politifact = benchFile('politifact/claims.jsonl');
const google = benchFile('claimreview/google_factcheck_claims_search.json');

describe.skipIf(politifact.skipReason !== undefined)('importing the 19,250 PolitiFact fact-checks into a fresh store', () => {
  it('writes them, with a summary whose counts add up, and lookups answer from them', async () => {
    const text = await readFile(politifact.file, 'utf8');
    const store = new MemoryStore();
    const summary = await importSource(store, { text, file: 'politifact/claims.jsonl', format: 'auto' });

    expect(summary).toMatchObject({ format: 'jsonl', records: 19_250, invalid: 0, written: true });
    expect(sum(summary.outcomes)).toBe(19_250);
    expect(summary.outcomes.merged).toBeGreaterThan(0);
    expect(summary.claimsWritten).toBe(summary.outcomes.added);
    expect(sum(summary.byVerdict)).toBe(summary.claimsWritten);
    expect(summary.byLanguage).toEqual({ en: summary.claimsWritten });
    // PolitiFact's whole scale is in the table: nothing unknown; the Flip-O-Meter is known but not a truth rating.
    expect(summary.unknownRatings).toEqual([]);
    expect(summary.byVerdict.other).toBeGreaterThan(0);

    const claims = await store.listClaims();
    expect(claims).toHaveLength(summary.claimsWritten);
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as { verdict: string });
    const pantsOnFire = claims.filter((claim) => claim.rating === 'Pants on Fire').length;
    expect(pantsOnFire).toBeLessThanOrEqual(lines.filter((line) => line.verdict === 'pants-fire').length);
    expect(pantsOnFire).toBeGreaterThan(2000);

    const lookup = await LookupService.fromStore(store);
    const sample = claims[1234]!;
    const byText = await lookup.lookup(sample.claim);
    expect(byText.results[0]?.id).toBe(sample.id);
    const byLink = await lookup.lookup(sample.reviewUrl!);
    expect(byLink.results[0]).toMatchObject({ id: sample.id, matchedBy: 'url', source: { name: 'PolitiFact' } });
  });
});

describe.skipIf(google.skipReason !== undefined)('importing the Google Fact Check Tools sample', () => {
  it('reads every review, mostly Arabic, with the ratings it cannot map listed, and lookups answer in Arabic', async () => {
    const text = await readFile(google.file, 'utf8');
    const document = JSON.parse(text) as { claimReview: unknown[] }[];
    const reviews = document.reduce((total, item) => total + item.claimReview.length, 0);
    const store = new MemoryStore();
    const summary = await importSource(store, { text, file: 'google.json', format: 'auto' });

    expect(summary).toMatchObject({ format: 'factcheck-api', records: reviews, invalid: 0, written: true });
    expect(sum(summary.outcomes)).toBe(reviews);
    expect(sum(summary.byVerdict)).toBe(summary.claimsWritten);
    expect(sum(summary.byLanguage)).toBe(summary.claimsWritten);
    expect(summary.byLanguage.ar).toBeGreaterThan(summary.claimsWritten / 2);
    const unknown = summary.unknownRatings.reduce((total, entry) => total + entry.count, 0);
    expect(unknown).toBeLessThan(reviews / 50);
    expect(summary.byVerdict.misleading).toBeGreaterThan(summary.byVerdict.true);

    const claims = await store.listClaims();
    expect(claims).toHaveLength(summary.claimsWritten);
    const lookup = await LookupService.fromStore(store);
    const arabic = claims.find((claim) => claim.language === 'ar')!;
    expect((await lookup.lookup(arabic.claim)).results[0]?.id).toBe(arabic.id);
  });
});
