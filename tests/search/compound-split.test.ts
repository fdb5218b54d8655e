import { describe, expect, it } from 'vitest';
import { splitCompound } from '../../src/search/compound-split.js';

const known = (...words: string[]) => (part: string) => words.includes(part);

describe('splitCompound', () => {
  it('splits a run-together word into known words', () => {
    expect(splitCompound('singlepayer', known('single', 'payer'))).toEqual(['single', 'payer']);
    expect(splitCompound('prayforamazonia', known('pray', 'for', 'amazonia'))).toEqual(['pray', 'for', 'amazonia']);
  });

  it('prefers the fewest parts', () => {
    expect(splitCompound('notebookcase', known('note', 'book', 'notebook', 'case'))).toEqual(['notebook', 'case']);
  });

  it('gives up when a part is unknown or there would be too many parts', () => {
    expect(splitCompound('singlepayerx', known('single', 'payer'))).toBeUndefined();
    expect(splitCompound('abcd', known('a', 'b', 'c', 'd'), { maxParts: 3 })).toBeUndefined();
  });

  it('does not split a word that is known as a whole', () => {
    expect(splitCompound('payer', known('payer', 'pay', 'er'))).toBeUndefined();
  });

  it('looks up no slice longer than the longest known word', () => {
    const asked: string[] = [];
    const isKnown = (part: string) => {
      asked.push(part);
      return ['pray', 'for', 'amazonia'].includes(part);
    };
    expect(splitCompound('prayforamazonia', isKnown, { maxPartLength: 8 })).toEqual(['pray', 'for', 'amazonia']);
    expect(Math.max(...asked.map((part) => part.length))).toBeLessThanOrEqual(8);
  });

  it('does not try a word too long to be maxParts known words (a pasted run of one letter)', () => {
    let lookups = 0;
    const isKnown = (part: string) => {
      lookups++;
      return part === 'aaa';
    };
    expect(splitCompound('a'.repeat(4000), isKnown, { maxParts: 3, maxPartLength: 20 })).toBeUndefined();
    expect(lookups).toBe(0);
    // Within reach, the slices tried grow with the word's length times the longest part, not its square.
    expect(splitCompound('a'.repeat(9), isKnown, { maxParts: 3, maxPartLength: 20 })).toEqual(['aaa', 'aaa', 'aaa']);
    expect(lookups).toBeLessThanOrEqual(9 * 9);
  });
});
