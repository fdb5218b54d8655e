import { describe, expect, it } from 'vitest';
import { RANKING_FEATURES, SEMANTIC_RANKING_FEATURES } from '../../src/search/ranking-features.js';
import { SearchIndex } from '../../src/search/search-index.js';

function indexOf(claims: Record<string, string>): SearchIndex {
  const index = new SearchIndex();
  for (const [id, claim] of Object.entries(claims)) index.add({ id, kind: 'claim', claim });
  return index;
}

describe('rerank with a semantic similarity', () => {
  const index = indexOf({
    a: 'Vaccines cause infertility in young women',
    b: 'Vaccines contain microchips for tracking people',
    c: 'Vaccines were tested on too few young women',
  });

  it('adds the similarity as the last feature when every candidate has one', () => {
    const candidates = index.candidates('vaccines young women', 5, undefined, undefined, (id) => (id === 'c' ? 0.9 : 0.1));
    expect(candidates.length).toBeGreaterThan(1);
    for (const candidate of candidates) expect(candidate.vector).toHaveLength(SEMANTIC_RANKING_FEATURES.length);
    expect(candidates.find((candidate) => candidate.id === 'c')!.vector.at(-1)).toBeCloseTo(0.9);
  });

  it('lets a much closer meaning lift a claim that words alone rank lower', () => {
    const lexical = index.search('vaccines young women infertility', { limit: 3 }).map((hit) => hit.id);
    const semantic = index.search('vaccines young women infertility', { limit: 3, semantic: (id) => (id === lexical[1] ? 0.95 : 0.05) }).map((hit) => hit.id);
    expect(semantic[0]).toBe(lexical[1]);
  });

  it('ranks with the lexical model alone when any candidate has no embedding yet', () => {
    const candidates = index.candidates('vaccines young women', 5, undefined, undefined, (id) => (id === 'a' ? undefined : 0.5));
    for (const candidate of candidates) expect(candidate.vector).toHaveLength(RANKING_FEATURES.length);
    const plain = index.candidates('vaccines young women', 5);
    expect(candidates.map((candidate) => candidate.id)).toEqual(plain.map((candidate) => candidate.id));
  });
});
