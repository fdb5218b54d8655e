import { describe, expect, it } from 'vitest';
import { SEARCH_CONFIG } from '../../src/search/config.js';
import { InvertedIndex } from '../../src/search/inverted-index.js';
import { queryWords } from '../../src/search/query-terms.js';
import { tokenize } from '../../src/search/tokenize.js';
import { TypoIndex } from '../../src/search/typo-index.js';

/** An index of these texts, one claim each, as the search index builds it. */
function vocabularyOf(texts: readonly string[]): { index: InvertedIndex; typos: TypoIndex } {
  const index = new InvertedIndex();
  const typos = new TypoIndex();
  texts.forEach((text, n) => {
    const termIds = tokenize(text).map(({ surface, term }) => {
      typos.add(surface, term);
      return index.internTerm(term);
    });
    index.add({ id: `d${n}`, kind: 'claim', fieldTermIds: [termIds, [], []], claimText: text });
  });
  return { index, typos };
}

// Made-up words that no stemmer shortens: qzbax, qzcax, ...
const LETTERS = 'bcdfghjklmnpqrstvwxz';
const word = (n: number) => `qz${LETTERS[Math.floor(n / LETTERS.length)]}${LETTERS[n % LETTERS.length]}ax`;
const words = (from: number, to: number) => Array.from({ length: to - from }, (_, at) => word(from + at));

describe('queryWords', () => {
  it('keeps every word of a query of up to maxQueryWords words', () => {
    const all = words(0, SEARCH_CONFIG.maxQueryWords);
    const { index, typos } = vocabularyOf([all.join(' ')]);
    expect(queryWords(all.join(' '), index, typos).map((found) => found.surface)).toEqual(all);
  });

  it('looks a longer text up by its maxQueryWords most distinctive words, in their order', () => {
    // 100 words in one claim; the first 50 also in ten more claims, so they tell less.
    const rare = words(50, 100);
    const common = words(0, 50);
    const { index, typos } = vocabularyOf([[...common, ...rare].join(' '), ...Array.from({ length: 10 }, () => common.join(' '))]);
    const kept = queryWords([...common, ...rare].join(' '), index, typos).map((found) => found.surface);
    expect(kept).toHaveLength(SEARCH_CONFIG.maxQueryWords);
    // Every rare word, then as many common ones as there is room for: the first of equals, kept in the text's order.
    expect(kept).toEqual([...common.slice(0, SEARCH_CONFIG.maxQueryWords - rare.length), ...rare]);
  });
});
