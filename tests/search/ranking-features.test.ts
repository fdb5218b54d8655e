import { describe, expect, it } from 'vitest';
import { RANKING_FEATURES } from '../../src/search/ranking-features.js';
import { SearchIndex } from '../../src/search/search-index.js';

const feature = (name: (typeof RANKING_FEATURES)[number]) => RANKING_FEATURES.indexOf(name);

describe('ranking features', () => {
  it("measure an entry without a title of its own by its claim as headline, not as a title that does not match", () => {
    const index = new SearchIndex();
    index.add({ id: 'titled', kind: 'claim', claim: 'Russia and China signed a military alliance', title: 'Russia and China signed a military alliance' });
    index.add({ id: 'untitled', kind: 'article', claim: 'Russia and China signed a military alliance' });
    const pool = index.candidates('Russia and China signed a military alliance', 5);
    const similarity = (id: string) => pool.find((candidate) => candidate.id === id)!.vector[feature('titleSimilarity')]!;
    expect(similarity('untitled')).toBeGreaterThan(0.9);
    expect(similarity('untitled')).toBeCloseTo(similarity('titled'), 6);
  });
});
