import { describe, expect, it } from 'vitest';
import { renderStats } from '../../src/stats/render-stats.js';
import { computeStats } from '../../src/stats/store-stats.js';
import { article, claim, lookupRecord } from '../store/sample-data.js';

const now = '2024-05-03T10:00:00Z';

describe('computeStats', () => {
  const stats = computeStats({
    claims: [claim('c1'), claim('c2', { verdict: 'misleading' }), claim('c3')],
    articles: [article('a1')],
    lookups: [
      lookupRecord('q1', now, { resultIds: ['c2', 'c1'] }),
      lookupRecord('q2', now, { resultIds: ['c2'] }),
      lookupRecord('q3', now, { resultIds: ['c1'] }),
      lookupRecord('Is it raining frogs?', now, { confident: false, resultIds: ['c3'] }),
      lookupRecord('is it raining frogs', now, { confident: false, resultIds: [] }),
      lookupRecord('something else', now, { confident: false, resultIds: [] }),
    ],
    openRequests: 2,
  });

  it('counts the store by verdict', () => {
    expect(stats).toMatchObject({ claims: 3, articles: 1, byVerdict: { false: 2, misleading: 1, true: 0 } });
  });

  it('ranks the fact-checks given as the answer, and the questions asked without a confident match', () => {
    expect(stats.lookups).toEqual({ total: 6, confident: 3, unanswered: 3 });
    expect(stats.topClaims.map(({ id, count }) => [id, count])).toEqual([['c2', 2], ['c1', 1]]);
    expect(stats.topUnanswered).toEqual([{ query: 'Is it raining frogs?', count: 2 }, { query: 'something else', count: 1 }]);
  });

  it('renders as lines every platform can show', () => {
    const text = renderStats(stats);
    expect(text).toContain('Fact-check store: 4 entries (3 claims, 1 articles).');
    expect(text).toContain('By verdict: False 2 · Misleading 1.');
    expect(text).toContain('This week: 6 lookups, 3 with a confident match, 3 without.');
    expect(text).toMatch(/1\. “Claim c2 was said somewhere” \(Misleading, Example Checks\): 2 lookups/);
    expect(text).toContain('1. “Is it raining frogs?”: 2 times');
    expect(text).toContain('Open fact-check requests: 2 (see /factcheck-requests).');
  });
});
