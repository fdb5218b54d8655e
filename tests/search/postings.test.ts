import { describe, expect, it } from 'vitest';
import { ESCAPED, exactCounts } from '../../src/search/packed-counts.js';
import { Postings } from '../../src/search/postings.js';

type Posting = [slot: number, claim: number, title: number, summary: number];

/** Every term's postings as the packed base holds them, with exact counts whether packed or escaped. */
function base(postings: Postings, terms: number): Posting[][] {
  return Array.from({ length: terms }, (_, termId) => {
    const list: Posting[] = [];
    for (let i = postings.baseFrom(termId); i < postings.baseTo(termId); i++) {
      const byte = postings.counts[i]!;
      const exact = byte === ESCAPED ? postings.escaped(i) : (byte & 3) | (((byte >> 2) & 3) << 8) | ((byte >> 4) << 16);
      list.push([postings.slots[i]!, exact & 255, (exact >> 8) & 255, exact >> 16]);
    }
    return list;
  });
}

function append(postings: Postings, termId: number, [slot, claim, title, summary]: Posting): void {
  postings.append(termId, slot, claim, title, summary);
}

const identity = (slots: number) => Int32Array.from({ length: slots }, (_, slot) => slot);

describe('Postings', () => {
  it('folds tails into the base after it, keeping exact counts, when no slot moves (additions only)', () => {
    const postings = new Postings();
    const first: Posting[][] = [[[0, 1, 0, 0], [2, 0, 9, 40]], [], [[1, 2, 1, 30]], [[0, 0, 0, 1], [1, 0, 0, 99]]];
    first.forEach((list, termId) => list.forEach((posting) => append(postings, termId, posting)));
    postings.rebuild(4, identity(3));
    expect(base(postings, 4)).toEqual(first);

    // New documents 3 and 4, one with counts that do not pack, under terms with and without a base,
    // and a new term. The ranges after term 0 move, and the escaped counts with them, whether
    // their term gains a tail (2) or not (3).
    const later: Posting[][] = [[[3, 1, 1, 1]], [], [[4, 1, 0, 0], [5, 0, 0, 20]], [], [[3, 0, 1, 0]]];
    later.forEach((list, termId) => list.forEach((posting) => append(postings, termId, posting)));
    postings.rebuild(5, identity(6));
    expect(base(postings, 5)).toEqual(first.map((list, termId) => [...list, ...later[termId]!]).concat([later[4]!]));
    expect(postings.hasTails).toBe(false);
  });

  it('drops the postings of removed slots and renumbers the others when slots move', () => {
    const postings = new Postings();
    [[0, 1, 0, 0], [1, 0, 0, 30], [2, 1, 1, 1]].forEach((posting) => append(postings, 0, posting as Posting));
    postings.rebuild(1, identity(3));
    append(postings, 0, [3, 2, 0, 0]);
    postings.rebuild(1, Int32Array.of(0, -1, 1, 2));
    expect(base(postings, 1)).toEqual([[[0, 1, 0, 0], [1, 1, 1, 1], [2, 2, 0, 0]]]);
    // The escaped posting went with its slot.
    expect(postings.escapes.size).toBe(0);
  });
});
