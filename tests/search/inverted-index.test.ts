import { describe, expect, it } from 'vitest';
import { CANDIDATE_POSTINGS, InvertedIndex, type BM25FParameters } from '../../src/search/inverted-index.js';
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

  describe('with term bounds prepared', () => {
    const queries = [['t1', 't2', 't150'], ['t3', 't57', 't180', 't1', 't2'], ['t199', 't4'], ['t1', 't2', 't3']];
    const expectExactHeads = (index: InvertedIndex) => {
      for (const terms of queries) {
        const full = index.score(query(index, terms), PARAMETERS, index.size);
        expect(index.score(query(index, terms), PARAMETERS, 10)).toEqual(full.slice(0, 10));
      }
    };

    it('returns the same head as without them', () => {
      const plain = corpus(3000);
      const bounded = corpus(3000);
      bounded.useBounds(PARAMETERS);
      for (const terms of queries) {
        expect(bounded.score(query(bounded, terms), PARAMETERS, 10)).toEqual(plain.score(query(plain, terms), PARAMETERS, 10));
      }
    });

    it('stays exact after additions that outscore every earlier document and shift the average lengths', () => {
      const index = corpus(2000);
      index.useBounds(PARAMETERS);
      const t1 = index.internTerm('t1');
      const t2 = index.internTerm('t2');
      const fresh = index.internTerm('t-new');
      // Short, repetitive claims: the highest term frequencies of the index, and shorter fields on average.
      for (let i = 0; i < 300; i++) {
        const claim = i % 2 === 0 ? [t1, t1, t1, fresh] : [t2, t2, fresh];
        index.add({ id: `short-${i}`, kind: 'claim', fieldTermIds: [claim, [], []], claimText: '' });
      }
      expectExactHeads(index);
      expect(index.score(query(index, ['t1', 't-new']), PARAMETERS, 10).map(({ slot }) => index.idAt(slot)!.startsWith('short-'))).toEqual(
        new Array(10).fill(true),
      );
      for (let i = 0; i < 1500; i++) index.remove(`d${i}`);
      expectExactHeads(index);
    });

    it('keeps them in an exported state, for the same parameters only', () => {
      const index = corpus(2000);
      index.useBounds(PARAMETERS);
      const state = index.exportState();
      expect(state.bounds?.maxTf.length).toBe(state.terms.length);
      const restored = InvertedIndex.fromState(state);
      restored.useBounds(PARAMETERS);
      const other: BM25FParameters = { k1: 1.2, fields: [{ weight: 1, b: 0.3 }, { weight: 1, b: 0.3 }, { weight: 5, b: 0.9 }] };
      for (const terms of queries) {
        expect(restored.score(query(restored, terms), PARAMETERS, 10)).toEqual(index.score(query(index, terms), PARAMETERS, 10));
        expect(restored.score(query(restored, terms), other, 10)).toEqual(restored.score(query(restored, terms), other, restored.size).slice(0, 10));
      }
    });
  });

  describe('with term bounds prepared, on a store that changes after', () => {
    // r is read first (the heavier query term); once the best 10 hold r, c's bound alone decides
    // whether documents with c but no r can still enter, so a bound too low would lose them.
    type Fields = (index: InvertedIndex, filler: (n: number) => number[]) => number[][];
    function twoTermIndex(rDocument: Fields, cDocument: Fields) {
      const index = new InvertedIndex();
      const filler = (n: number) => Array.from({ length: n }, (_, i) => index.internTerm(`f${i % 50}`));
      for (let i = 0; i < 20; i++) index.add({ id: `r${i}`, kind: 'claim', fieldTermIds: rDocument(index, filler), claimText: '' });
      for (let i = 0; i < 20; i++) index.add({ id: `c${i}`, kind: 'claim', fieldTermIds: cDocument(index, filler), claimText: '' });
      for (let i = 0; i < 400; i++) index.add({ id: `x${i}`, kind: 'claim', fieldTermIds: [filler(10), [], filler(30)], claimText: '' });
      index.useBounds(PARAMETERS);
      return index;
    }
    /** r weighs 1; c weighs `cShare` of r's idf-weighted weight. */
    const ask = (index: InvertedIndex, cShare: number) => {
      const r = index.termId('r')!;
      const c = index.termId('c')!;
      return [{ termId: r, weight: 1 }, { termId: c, weight: (cShare * index.idf(r)) / index.idf(c) }];
    };
    const expectExactHeadOf = (index: InvertedIndex, terms: ReturnType<typeof ask>, prefix: string) => {
      const head = index.score(terms, PARAMETERS, 10);
      expect(head).toEqual(index.score(terms, PARAMETERS, index.size).slice(0, 10));
      expect(head.map(({ slot }) => index.idAt(slot)![0])).toEqual(new Array(10).fill(prefix));
    };

    it('finds documents added since whose term frequencies exceed every earlier one', () => {
      const index = twoTermIndex(
        (index, filler) => [[index.internTerm('r'), ...filler(9)], [], []],
        (index, filler) => [filler(10), [], [index.internTerm('c'), ...filler(29)]],
      );
      const c = index.termId('c')!;
      expectExactHeadOf(index, ask(index, 0.9), 'r');
      for (let i = 0; i < 20; i++) index.add({ id: `new${i}`, kind: 'claim', fieldTermIds: [[c, c, c], [], []], claimText: '' });
      expectExactHeadOf(index, ask(index, 0.9), 'n');
    });

    it('allows for earlier documents scoring higher once the average field grew longer', () => {
      const index = twoTermIndex(
        (index, filler) => [[index.internTerm('r'), ...filler(29)], [], []],
        (index, filler) => [[index.internTerm('c'), ...filler(9)], [], []],
      );
      for (let i = 0; i < 2000; i++) index.add({ id: `long${i}`, kind: 'claim', fieldTermIds: [Array.from({ length: 150 }, () => index.internTerm('f0')), [], []], claimText: '' });
      expectExactHeadOf(index, ask(index, 0.98), 'c');
    });
  });

  describe('in a store whose common lists exceed CANDIDATE_POSTINGS', () => {
    it('takes candidates from the rarer terms, but scores them with every term', () => {
      const index = new InvertedIndex();
      const [a, b, r] = ['a', 'b', 'r'].map((term) => index.internTerm(term)) as [number, number, number];
      const common = Math.ceil(CANDIDATE_POSTINGS * 0.6);
      for (let i = 0; i < common; i++) index.add({ id: `d${i}`, kind: 'claim', fieldTermIds: [i % 2 ? [a, b] : [b, a], [], []], claimText: '' });
      for (let i = 0; i < 30; i++) index.add({ id: `r${i}`, kind: 'claim', fieldTermIds: [[r, a, b].slice(0, 1 + (i % 3)), [], []], claimText: '' });
      const terms = [r, a, b].map((termId) => ({ termId, weight: 1 }));
      // b is deferred (its list would pass the budget): it only scores candidates r and a brought in.
      expect(index.documentFrequency(a) + index.documentFrequency(b)).toBeGreaterThan(CANDIDATE_POSTINGS);
      const head = index.score(terms, PARAMETERS, 10);
      expect(head).toEqual(index.score(terms, PARAMETERS, index.size).slice(0, 10));
      expect(head.every(({ slot }) => index.idAt(slot)!.startsWith('r'))).toBe(true);
    });
  });
});

describe('InvertedIndex.idf', () => {
  const doc = (id: string, termIds: number[]) => ({ id, kind: 'claim' as const, fieldTermIds: [termIds, [], []], claimText: '' });
  const expected = (documents: number, containing: number) => Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));

  it('follows the documents as they are added and removed, asked before and after each change', () => {
    const index = new InvertedIndex();
    const rare = index.internTerm('rare');
    const common = index.internTerm('common');
    index.add(doc('a', [rare, common]));
    index.add(doc('b', [common]));
    expect([index.idf(rare), index.idf(common)]).toEqual([expected(2, 1), expected(2, 2)]);
    index.add(doc('c', [common]));
    expect([index.idf(rare), index.idf(common)]).toEqual([expected(3, 1), expected(3, 3)]);
    index.remove('a');
    expect([index.idf(rare), index.idf(common)]).toEqual([expected(2, 0), expected(2, 2)]);
    const later = index.internTerm('later');
    expect(index.idf(later)).toBe(expected(2, 0));
    index.add(doc('d', [later]));
    expect(index.idf(later)).toBe(expected(3, 1));
  });

  it('is the same in an index restored from its state', () => {
    const index = corpus(500);
    const restored = InvertedIndex.fromState(index.exportState());
    for (const term of ['t1', 't2', 't150']) expect(restored.idf(restored.termId(term)!)).toBe(index.idf(index.termId(term)!));
  });
});
