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
    expect(splitCompound('abcd', known('a', 'b', 'c', 'd'), 3)).toBeUndefined();
  });

  it('does not split a word that is known as a whole', () => {
    expect(splitCompound('payer', known('payer', 'pay', 'er'))).toBeUndefined();
  });
});
