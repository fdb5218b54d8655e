import { describe, expect, it } from 'vitest';
import { RANKING_FEATURES, SEMANTIC_RANKING_FEATURES } from '../../src/search/ranking-features.js';
import { SearchIndex } from '../../src/search/search-index.js';
import type { SemanticSimilarity } from '../../src/search/types.js';

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

  it('reads a similarity through the vector places it tells, as through the claim ids, and never through a place since reused', () => {
    const byId: Record<string, number> = { a: 0.2, b: 0.7, c: 0.4 };
    // Places as a ClaimVectors gives them; then both 'b' and 'c' are embedded anew, each in the other's freed place.
    let places: Record<string, number> = { a: 0, b: 1, c: 2 };
    let atPlace = [0.2, 0.7, 0.4];
    let token = {};
    const throughPlaces: SemanticSimilarity = Object.assign((id: string) => byId[id], {
      places: { placeOf: (id: string) => places[id] ?? -1, similarityAt: (place: number) => atPlace[place]!, get token() { return token; } },
    });
    const query = 'vaccines young women';
    const vectorsOf = (similarity: SemanticSimilarity) => index.candidates(query, 5, undefined, undefined, similarity).map((hit) => [hit.id, ...hit.vector]);
    expect(vectorsOf(throughPlaces)).toEqual(vectorsOf((id) => byId[id]));
    byId.b = 0.9;
    places = { a: 0, b: 2, c: 1 };
    atPlace = [0.2, 0.4, 0.9];
    token = {};
    expect(vectorsOf(throughPlaces)).toEqual(vectorsOf((id) => byId[id]));
  });

  it('ranks with the lexical model alone when any candidate has no embedding yet', () => {
    const candidates = index.candidates('vaccines young women', 5, undefined, undefined, (id) => (id === 'a' ? undefined : 0.5));
    for (const candidate of candidates) expect(candidate.vector).toHaveLength(RANKING_FEATURES.length);
    const plain = index.candidates('vaccines young women', 5);
    expect(candidates.map((candidate) => candidate.id)).toEqual(plain.map((candidate) => candidate.id));
  });
});

describe('confidence with a semantic similarity', () => {
  // Fictional claims: two checks of one rumour (twins), and a different claim on the same subject.
  const index = indexOf({
    pink: 'The Verrow bridge will be painted pink next year',
    pinkAgain: 'The Verrow bridge will be painted pink next year!',
    green: 'The Verrow bridge was painted green last year',
  });
  const query = 'Verrow bridge painted pink';

  it('measures the leader’s leads in meaning and in score over the best different claim, not over its twin', () => {
    const [leader, ...rest] = index.candidates(query, 5, undefined, undefined, (id) => (id === 'green' ? 0.3 : 0.8));
    expect(leader!.id.startsWith('pink')).toBe(true);
    const green = rest.find((candidate) => candidate.id === 'green')!;
    expect(leader!.confidenceEvidence!.meaningLead).toBeCloseTo(0.5);
    expect(leader!.confidenceEvidence!.scoreLead).toBeCloseTo(leader!.rankScore - green.rankScore);
  });

  it('is higher the further the leader leads in meaning, and never higher further down the list', () => {
    const confidenceOfLeader = (greenSimilarity: number) =>
      index.candidates(query, 5, undefined, undefined, (id) => (id === 'green' ? greenSimilarity : 0.8))[0]!.confidence;
    expect(confidenceOfLeader(0.2)).toBeGreaterThan(confidenceOfLeader(0.7));
    const candidates = index.candidates(query, 5, undefined, undefined, (id) => (id === 'green' ? 0.2 : 0.8));
    for (let i = 1; i < candidates.length; i++) expect(candidates[i]!.confidence).toBeLessThanOrEqual(candidates[i - 1]!.confidence);
    for (const candidate of candidates) expect(candidate.confidence).toBeGreaterThan(0);
  });

  it('is the words-only confidence when the encoder does not rank', () => {
    const candidates = index.candidates(query, 5);
    expect(candidates.every((candidate) => candidate.confidenceEvidence === undefined)).toBe(true);
  });
});
