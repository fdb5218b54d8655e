import { describe, expect, it } from 'vitest';
import { planMerge } from '../../src/ingest/merge-plan.js';
import type { ClaimReview } from '../../src/model/claim-review.js';
import { article, claim } from '../store/sample-data.js';

const located = <T>(value: T) => ({ location: { file: 'f' }, value });
const plan = (incoming: ClaimReview[], stored: ClaimReview[] = []) => planMerge(incoming.map(located), [], { claims: stored, articles: [] });
const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);

describe('planMerge: de-duplication against the store and within the import', () => {
  it('adds what is new, keeping ids', () => {
    const result = plan([claim('n1'), claim('n2')]);
    expect(result.counts).toMatchObject({ added: 2, updated: 0 });
    expect(result.claims.map((item) => item.id)).toEqual(['n1', 'n2']);
  });

  it('updates the stored entry with the same review URL (any tracking junk), keeping its id, when the import is newer', () => {
    const stored = claim('old-id', { reviewUrl: 'https://checks.example.org/x', reviewDate: '2024-01-01', rating: 'Mostly false', verdict: 'mostly-false' });
    const newer = claim('other-id', { reviewUrl: 'https://www.checks.example.org/x/?utm_source=feed', reviewDate: '2024-06-01', rating: 'False' });
    const result = plan([newer], [stored]);
    expect(result.counts).toMatchObject({ added: 0, updated: 1 });
    expect(result.claims).toEqual([{ ...newer, id: 'old-id' }]);
    expect(result.writtenClaimIds).toEqual(['old-id']);
  });

  it('keeps the stored entry when the import’s review is older, and writes nothing', () => {
    const stored = claim('s', { reviewUrl: 'https://checks.example.org/x', reviewDate: '2024-06-01' });
    const older = claim('s2', { reviewUrl: 'https://checks.example.org/x', reviewDate: '2023-01-01', rating: 'True', verdict: 'true' });
    const result = plan([older], [stored]);
    expect(result.counts).toMatchObject({ stale: 1, updated: 0 });
    expect(result.claims).toEqual([]);
  });

  it('merges near-identical claim text from the same reviewer, keeping the newer review and both sets of appearances', () => {
    const first = claim('a', { claim: 'A "law to separate families" was enacted.', reviewUrl: 'https://checks.example.org/a', reviewDate: '2024-01-01', appearances: ['https://social.example.com/1'] });
    const second = claim('b', { claim: "A 'law to separate families' was enacted", reviewUrl: 'https://checks.example.org/b', reviewDate: '2024-02-01', appearances: ['https://social.example.com/2'] });
    const result = plan([first, second]);
    expect(result.counts).toMatchObject({ added: 1, merged: 1 });
    expect(result.claims).toEqual([
      { ...second, id: 'a', appearances: ['https://social.example.com/2', 'https://social.example.com/1'], otherReviewUrls: ['https://checks.example.org/a'] },
    ]);
  });

  it('keeps the address of an older review of a stored claim, so a link to it still finds the entry', () => {
    const stored = claim('s', { claim: 'The bridge was painted pink', reviewUrl: 'https://checks.example.org/2024/pink', reviewDate: '2024-06-01' });
    const older = claim('o', { claim: 'The bridge was painted PINK.', reviewUrl: 'https://checks.example.org/2019/pink', reviewDate: '2019-01-01' });
    const result = plan([older], [stored]);
    expect(result.counts).toMatchObject({ updated: 1, stale: 0 });
    expect(result.claims).toEqual([{ ...stored, otherReviewUrls: ['https://checks.example.org/2019/pink'] }]);

    // Imported again, and with its own newer review again: nothing more to write, nothing lost.
    const folded = result.claims[0]!;
    expect(plan([older], [folded]).counts).toMatchObject({ stale: 1, updated: 0 });
    expect(plan([claim('s2', { ...stored, id: 's2' })], [folded])).toMatchObject({ claims: [], counts: { unchanged: 1 } });
  });

  it('keeps the old address of a review that moved (same id, newer record at another address)', () => {
    const stored = claim('moved', { reviewUrl: 'https://checks.example.org/2024/old-path', reviewDate: '2024-01-01' });
    const moved = claim('moved', { reviewUrl: 'https://checks.example.org/fact-checks/new-path', reviewDate: '2024-03-01' });
    expect(plan([moved], [stored]).claims).toEqual([{ ...moved, otherReviewUrls: ['https://checks.example.org/2024/old-path'] }]);
  });

  it('never lists an entry’s own review address, nor one address twice, among its other reviews', () => {
    const first = claim('a', { claim: 'Same claim', reviewUrl: 'https://checks.example.org/x', reviewDate: '2024-01-01' });
    const again = claim('b', { claim: 'Same claim!', reviewUrl: 'https://www.checks.example.org/x?utm_source=feed', reviewDate: '2024-02-01' });
    const third = claim('c', { claim: 'same claim', reviewUrl: 'https://checks.example.org/y', reviewDate: '2023-01-01', otherReviewUrls: ['https://checks.example.org/x'] });
    const result = plan([first, again, third]);
    expect(result.claims).toHaveLength(1);
    expect(result.claims[0]!.reviewUrl).toBe('https://www.checks.example.org/x?utm_source=feed');
    expect(result.claims[0]!.otherReviewUrls).toEqual(['https://checks.example.org/y']);
  });

  it('does not merge the same text from different reviewers', () => {
    const result = plan([claim('a', { claim: 'Same words' }), claim('b', { claim: 'Same words', reviewer: { name: 'Another Desk' } })]);
    expect(result.counts.added).toBe(2);
  });

  it('counts an identical record as unchanged and writes nothing for it', () => {
    const result = plan([claim('c1')], [claim('c1')]);
    expect(result.counts).toMatchObject({ unchanged: 1 });
    expect(result.claims).toEqual([]);
  });

  it('accounts for every record exactly once', () => {
    const stored = [claim('s1'), claim('s2', { reviewDate: '2025-01-01' })];
    const incoming = [claim('s1'), claim('s2', { reviewDate: '2020-01-01' }), claim('n1'), claim('n1', { rating: 'again' }), claim('s1', { rating: 'changed' })];
    const result = plan(incoming, stored);
    expect(total(result.counts)).toBe(incoming.length);
    expect(result.counts).toEqual({ added: 1, updated: 1, unchanged: 0, stale: 1, merged: 2 });
  });

  it('adds, updates and leaves articles by id', () => {
    const result = planMerge([], [located(article('a1', { title: 'New title' })), located(article('a2'))], {
      claims: [],
      articles: [article('a1')],
    });
    expect(result.counts).toMatchObject({ added: 1, updated: 1 });
    expect(result.articles.map((item) => item.id)).toEqual(['a1', 'a2']);
  });
});
