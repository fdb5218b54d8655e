import { describe, expect, it } from 'vitest';
import { dice, TrigramDice, trigramKey, trigramSet } from '../../src/search/trigram-similarity.js';

/** The plain definition the numeric sets must match: words joined by single spaces, padded, every three units. */
function reference(text: string): Set<number> {
  const compact = ` ${text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const grams = new Set<number>();
  for (let i = 0; i + 3 <= compact.length; i++) {
    grams.add(trigramKey(compact.charCodeAt(i), compact.charCodeAt(i + 1), compact.charCodeAt(i + 2)));
  }
  return grams;
}

describe('trigramSet', () => {
  const samples = [
    '',
    '  ',
    'a',
    'ab cd',
    '  — leading and trailing, punctuation!! ',
    'covid-19 vaccines "cause" autism',
    'émigré naïve façade 1.5% of 2,000',
    'emoji 😀 in 𝐛𝐨𝐥𝐝 letters and a lone \ud800 surrogate',
    'Ünïcödé – dashes… and\ttabs\nnewlines',
  ];
  for (const text of samples) {
    it(`matches the reference for ${JSON.stringify(text)}`, () => {
      expect([...trigramSet(text)].sort()).toEqual([...reference(text)].sort());
    });
  }
});

describe('dice', () => {
  it('is 1 for the same text, 0 for nothing shared or an empty side', () => {
    expect(dice(trigramSet('wind turbines'), trigramSet('wind turbines'))).toBe(1);
    expect(dice(trigramSet('abc'), trigramSet('xyz'))).toBe(0);
    expect(dice(trigramSet(''), trigramSet('xyz'))).toBe(0);
  });
});

describe('trigramKey', () => {
  it('gives distinct trigrams distinct numbers, across the packed and the wide form', () => {
    const units = [32, 48, 97, 122, 233, 1023, 1024, 0x3042, 0xd835, 0xdc1b, 0xffff];
    const keys = new Set<number>();
    for (const a of units) for (const b of units) for (const c of units) keys.add(trigramKey(a, b, c));
    expect(keys.size).toBe(units.length ** 3);
  });
});


describe('TrigramDice', () => {
  const texts = [
    '',
    'wind turbines cause cancer',
    'Wind turbines cause CANCER!!',
    'émigré naïve façade 1.5% of 2,000',
    'emoji 😀 in 𝐛𝐨𝐥𝐝 letters and a lone \ud800 surrogate',
    'Москва объявила о военном союзе с Пекином',
    // Longer than its first table: it grows.
    'the quick brown fox jumps over the lazy dog '.repeat(40),
  ];

  it('gives exactly the Dice coefficient of the two trigram sets, text after text', () => {
    for (const query of texts) {
      const similarity = new TrigramDice(trigramSet(query));
      for (const text of [...texts, ...texts]) expect(similarity.of(text), `${query} / ${text}`).toBe(dice(trigramSet(query), trigramSet(text)));
    }
  });
});
