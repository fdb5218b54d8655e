import { describe, expect, it } from 'vitest';
import { InvertedIndex, type BM25FParameters } from '../../src/search/inverted-index.js';
import { seededRandom } from '../../src/bench/scale-store.js';

const PARAMETERS: BM25FParameters = { k1: 2.2, fields: [{ weight: 3, b: 0.75 }, { weight: 2, b: 0.75 }, { weight: 1, b: 0.75 }] };

/** A Zipf-like corpus: a few very common terms, many rare ones, some counts too large to pack. */
function corpus(size: number, seed = 7): InvertedIndex {
  const random = seededRandom(seed);
  const index = new InvertedIndex();
  const word = () => index.internTerm(`t${Math.floor(200 ** random())}`);
  for (let i = 0; i < size; i++) {
    const field = (length: number) => Array.from({ length }, word);
    const summary = field(Math.floor(random() * 40));
    if (i % 97 === 0) summary.push(...Array.from({ length: 20 }, () => index.internTerm('t1')));
    index.add({ id: `d${i}`, kind: 'claim', fieldTermIds: [field(3 + Math.floor(random() * 8)), field(Math.floor(random() * 6)), summary], claimText: '' });
  }
  return index;
}

function query(index: InvertedIndex, terms: string[]) {
  return terms.map((term, i) => ({ termId: index.termId(term)!, weight: i === 0 ? 1.5 : 1 })).filter((t) => t.termId !== undefined);
}

describe('InvertedIndex.score', () => {
  it('returns exactly the head of the full ranking although it skips most of the common terms', () => {
    const index = corpus(3000);
    for (const terms of [['t1', 't2', 't150'], ['t3', 't57', 't180', 't1', 't2'], ['t199', 't4'], ['t1', 't2', 't3']]) {
      const full = index.score(query(index, terms), PARAMETERS, index.size);
      expect(index.score(query(index, terms), PARAMETERS, 10)).toEqual(full.slice(0, 10));
    }
  });

  it('stays exact with excluded ids, after removals and after compaction', () => {
    const index = corpus(3000);
    const terms = query(index, ['t1', 't9', 't120']);
    const exclude = new Set(index.score(terms, PARAMETERS, 3).map(({ slot }) => index.idAt(slot)!));
    const full = index.score(terms, PARAMETERS, index.size, exclude);
    expect(index.score(terms, PARAMETERS, 10, exclude)).toEqual(full.slice(0, 10));

    for (let i = 0; i < 2500; i++) index.remove(`d${i}`);
    const afterRemoval = index.score(terms, PARAMETERS, 10);
    expect(afterRemoval.every(({ slot }) => Number(index.idAt(slot)!.slice(1)) >= 2500)).toBe(true);
    expect(afterRemoval).toEqual(index.score(terms, PARAMETERS, index.size).slice(0, 10));
  });

  it('scores a restored state exactly as the index it was exported from', () => {
    const index = corpus(2000);
    const restored = InvertedIndex.fromState(index.exportState());
    const terms = query(index, ['t2', 't33', 't140']);
    expect(restored.score(terms, PARAMETERS, 10)).toEqual(index.score(terms, PARAMETERS, 10));
    expect(Array.from(restored.termsAt(5))).toEqual(Array.from(index.termsAt(5)));
  });
});
