import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '../../src/search/edit-distance.js';

describe('boundedEditDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(boundedEditDistance('rusia', 'russia', 2)).toBe(1);
    expect(boundedEditDistance('chna', 'china', 2)).toBe(1);
    expect(boundedEditDistance('milatary', 'military', 2)).toBe(1);
    expect(boundedEditDistance('kitten', 'sitting', 3)).toBe(3);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(boundedEditDistance('form', 'from', 2)).toBe(1);
  });

  it('is zero for equal words', () => {
    expect(boundedEditDistance('same', 'same', 1)).toBe(0);
  });

  it('stops at max + 1 once the distance is certain to exceed max', () => {
    expect(boundedEditDistance('vaccine', 'volcano', 1)).toBe(2);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('gives the plain optimal-string-alignment distance, capped at max + 1, on thousands of random pairs', () => {
    let state = 11;
    const random = (below: number) => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % below;
    // Few letters, so that near pairs are common; one of them outside ASCII.
    const letters = 'abcde\u00e1';
    const word = () => Array.from({ length: random(11) }, () => letters[random(letters.length)]).join('');
    const edited = (text: string) => {
      let out = text;
      for (let edits = random(4); edits > 0; edits--) {
        const at = random(out.length + 1);
        const kind = random(4);
        if (kind === 0) out = out.slice(0, at) + letters[random(letters.length)] + out.slice(at);
        else if (kind === 1) out = out.slice(0, at) + out.slice(at + 1);
        else if (kind === 2) out = out.slice(0, at) + letters[random(letters.length)] + out.slice(at + 1);
        else if (at + 1 < out.length) out = out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2);
      }
      return out;
    };
    for (let round = 0; round < 5000; round++) {
      const a = word();
      const b = random(3) === 0 ? word() : edited(a);
      const max = random(4);
      expect(boundedEditDistance(a, b, max), `${a} ~ ${b} within ${max}`).toBe(Math.min(plainDistance(a, b), max + 1));
    }
  });
});

/** Optimal string alignment over the full table: what the bounded version must agree with. */
function plainDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) table[i]![j] = Math.min(table[i]![j]!, table[i - 2]![j - 2]! + 1);
    }
  }
  return table[a.length]![b.length]!;
}
