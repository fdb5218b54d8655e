import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '../../src/search/edit-distance.js';
import { TypoIndex } from '../../src/search/typo-index.js';

function indexOf(words: Record<string, string>): TypoIndex {
  const typos = new TypoIndex();
  for (const [surface, term] of Object.entries(words)) typos.add(surface, term);
  return typos;
}

describe('TypoIndex', () => {
  it('finds vocabulary words within the allowed edits, with their index terms', () => {
    const typos = indexOf({ military: 'militari', militia: 'militia', alliance: 'allianc' });
    expect(typos.corrections('milatary', 1)).toEqual([{ surface: 'military', term: 'militari', distance: 1 }]);
    expect(typos.corrections('aliance', 1).map((c) => c.surface)).toEqual(['alliance']);
  });

  it('lists nearer words first and leaves out the word itself', () => {
    const typos = indexOf({ china: 'china', chin: 'chin', chino: 'chino', chinas: 'china' });
    const found = typos.corrections('china', 2);
    expect(found.map((c) => c.surface)).not.toContain('china');
    expect(found.map((c) => c.distance)).toEqual([...found.map((c) => c.distance)].sort());
  });

  it('finds every known word a scan of the whole vocabulary finds, in a vocabulary of look-alikes, for words of 4 × distance + 1 letters or more', () => {
    let state = 5;
    const random = (below: number) => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % below;
    // Eight letters (one outside ASCII, one a digit), words of 3-11: many share trigrams and letters, as -ing words do.
    const letters = 'aeilnrt\u00e9';
    const word = () => Array.from({ length: 3 + random(9) }, () => letters[random(letters.length)]).join('');
    const vocabulary = [...new Set(Array.from({ length: 3000 }, word))].filter((surface) => !/^\p{N}+$/u.test(surface));
    const typos = indexOf(Object.fromEntries(vocabulary.map((surface) => [surface, surface])));
    for (let round = 0; round < 150; round++) {
      const query = word();
      // Shorter words have too few trigrams for the pigeonhole guarantee (a swap in "abcd" changes all four).
      for (const maxDistance of [1, 2].filter((distance) => query.length >= 4 * distance + 1)) {
        const scanned = vocabulary.filter((surface) => surface !== query && boundedEditDistance(query, surface, maxDistance) <= maxDistance);
        expect(new Set(typos.corrections(query, maxDistance).map((c) => c.surface)), `${query} within ${maxDistance}`).toEqual(new Set(scanned));
      }
    }
  });

  it('finds nothing beyond the allowed distance', () => {
    expect(indexOf({ vaccine: 'vaccin' }).corrections('volcano', 2)).toEqual([]);
  });

  it('knows which words it has seen, ignoring numbers and very short words', () => {
    const typos = indexOf({ russia: 'russia', '2020': '2020', us: 'us' });
    expect(typos.has('russia')).toBe(true);
    expect(typos.has('2020')).toBe(false);
    expect(typos.has('us')).toBe(false);
  });

  it('restores from its packed lists exactly as a rebuild would find corrections', () => {
    const typos = indexOf({ military: 'militari', militia: 'militia', alliance: 'allianc', allowance: 'allow', russia: 'russia' });
    const { surfaces, terms } = typos.words();
    const restored = TypoIndex.fromWords(surfaces, terms, typos.packedGrams());
    const rebuilt = TypoIndex.fromWords(surfaces, terms);
    for (const word of ['milatary', 'aliance', 'rusia', 'allowanse']) {
      expect(restored.corrections(word, 2)).toEqual(rebuilt.corrections(word, 2));
    }
    restored.add('militant', 'milit');
    expect(restored.corrections('militent', 1).map((c) => c.surface)).toEqual(['militant']);
  });

  it('refuses packed lists that do not fit its words', () => {
    const typos = indexOf({ military: 'militari', militia: 'militia' });
    const grams = typos.packedGrams();
    expect(() => TypoIndex.fromWords(['military'], ['militari'], grams)).toThrow();
    expect(() => TypoIndex.fromWords(['military', 'militia'], ['militari', 'militia'], { ...grams, start: grams.start.subarray(1) })).toThrow();
  });

  describe('completions', () => {
    it('lists the known words a prefix begins, the word itself included, with their terms', () => {
      const typos = indexOf({ vaccine: 'vaccin', vaccines: 'vaccin', vacation: 'vacat', vax: 'vax', volcano: 'volcano' });
      expect(typos.completions('vacc')).toEqual([
        { surface: 'vaccine', term: 'vaccin' },
        { surface: 'vaccines', term: 'vaccin' },
      ]);
      expect(typos.completions('vax').map((word) => word.surface)).toEqual(['vax']);
      expect(typos.completions('va').map((word) => word.surface).sort()).toEqual(['vacation', 'vaccine', 'vaccines', 'vax']);
    });

    it('completes nothing from one letter or an unknown beginning, and sees words restored from a snapshot', () => {
      const typos = indexOf({ vaccine: 'vaccin' });
      expect(typos.completions('v')).toEqual([]);
      expect(typos.completions('vo')).toEqual([]);
      const { surfaces, terms } = typos.words();
      expect(TypoIndex.fromWords(surfaces, terms, typos.packedGrams()).completions('vac')).toEqual([{ surface: 'vaccine', term: 'vaccin' }]);
    });
  });
});
