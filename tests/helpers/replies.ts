import type { Reply, ResultItem } from '../../src/core/reply.js';

/** A result as the core returns it, with realistic defaults; tests override what they are about. */
export function resultItem(overrides: Partial<ResultItem> = {}): ResultItem {
  return {
    id: 'claim-vitabrisk-cures-diabetes',
    kind: 'claim',
    title: 'Drinking three cups of VitaBrisk tea a day reverses type 2 diabetes within 30 days.',
    verdict: 'false',
    rating: 'Total Fabrication',
    source: { name: 'Sample Desk (fictional)', url: 'https://factdesk.example/checks/2026/vitabrisk-tea-diabetes' },
    date: '2026-03-09',
    context: 'No trial shows the tea changes blood sugar; the "study" cited is a marketing survey.',
    claimant: 'VitaBrisk social media ads',
    language: 'en',
    score: 0.91,
    matchedBy: 'text',
    reason: 'text',
    ...overrides,
  };
}

export function resultsReply(results: ResultItem[], query = 'vitabrisk tea cures diabetes'): Extract<Reply, { kind: 'results' }> {
  return { kind: 'results', query, results };
}
