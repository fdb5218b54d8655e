import { describe, expect, it } from 'vitest';
import { articlesBeforeTheirClaims } from '../../src/core/result-order.js';
import type { ResultItem } from '../../src/core/reply.js';

const item = (id: string, kind: 'claim' | 'article', score: number): ResultItem => ({
  id,
  kind,
  title: id,
  verdict: 'false',
  rating: 'False',
  source: { name: 'Sample Desk' },
  language: 'en',
  score,
  matchedBy: 'text',
  reason: 'text',
});
const covers: Record<string, string[]> = { a1: ['c1'] };
const order = (results: ResultItem[]) => articlesBeforeTheirClaims(results, (id) => covers[id] ?? []).map((result) => result.id);

describe('articlesBeforeTheirClaims', () => {
  it('puts an article ahead of a claim it covers when they match about equally', () => {
    expect(order([item('c1', 'claim', 0.98), item('x', 'claim', 0.97), item('a1', 'article', 0.96)])).toEqual(['a1', 'c1', 'x']);
  });

  it('leaves a clearly better claim first', () => {
    expect(order([item('c1', 'claim', 0.95), item('a1', 'article', 0.6)])).toEqual(['c1', 'a1']);
  });

  it('never moves an article ahead of claims it does not cover', () => {
    expect(order([item('x', 'claim', 0.98), item('a1', 'article', 0.97)])).toEqual(['x', 'a1']);
  });
});
