import { describe, expect, it } from 'vitest';
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

  it('finds nothing beyond the allowed distance', () => {
    expect(indexOf({ vaccine: 'vaccin' }).corrections('volcano', 2)).toEqual([]);
  });

  it('knows which words it has seen, ignoring numbers and very short words', () => {
    const typos = indexOf({ russia: 'russia', '2020': '2020', us: 'us' });
    expect(typos.has('russia')).toBe(true);
    expect(typos.has('2020')).toBe(false);
    expect(typos.has('us')).toBe(false);
  });
});
