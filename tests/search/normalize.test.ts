import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/search/normalize.js';

describe('normalizeText', () => {
  it('unfolds compatibility forms: ligatures and fullwidth letters (NFKC)', () => {
    expect(normalizeText('ﬁnancial ﬂow')).toBe('financial flow');
    expect(normalizeText('ＣＯＶＩＤ１９')).toBe('covid19');
  });

  it('folds case, including German sharp s and Greek final sigma', () => {
    expect(normalizeText('The WHO Said')).toBe('the who said');
    expect(normalizeText('Straße')).toBe('strasse');
    expect(normalizeText('ΟΔΥΣΣΕΥΣ')).toBe(normalizeText('οδυσσευς'));
  });

  it('folds accents of Latin, Greek and Cyrillic letters', () => {
    expect(normalizeText('Café naïve Ça São Paulo')).toBe('cafe naive ca sao paulo');
    expect(normalizeText('Ελλάδα')).toBe('ελλαδα');
    expect(normalizeText('ёлка')).toBe('елка');
  });

  it('drops Arabic vowel marks (harakat) and tatweel but keeps the letters', () => {
    expect(normalizeText('مُحَمَّد')).toBe('محمد');
    expect(normalizeText('كتـــاب')).toBe('كتاب');
  });

  it('keeps Devanagari and Thai vowel signs, which are letters', () => {
    expect(normalizeText('हिंदी')).toBe('हिंदी');
    expect(normalizeText('ภาษาไทย')).toBe('ภาษาไทย');
  });

  it('leaves Cyrillic, Arabic and CJK text readable', () => {
    expect(normalizeText('Москва')).toBe('москва');
    expect(normalizeText('السلام عليكم')).toBe('السلام عليكم');
    expect(normalizeText('新型冠状病毒')).toBe('新型冠状病毒');
    expect(normalizeText('東京タワー')).toBe('東京タワー');
  });

  it('removes zero-width characters, which would otherwise split or hide words', () => {
    expect(normalizeText('vac\u200Bcine')).toBe('vaccine');
    expect(normalizeText('\uFEFFhello\u2060 world\u200C\u200D')).toBe('hello world');
  });

  it('removes bidi controls', () => {
    expect(normalizeText('\u202Eabc\u202C \u2066def\u2069 \u200Fghi\u200E \u061Cjkl')).toBe('abc def ghi jkl');
  });

  it('collapses and trims whitespace of every kind', () => {
    expect(normalizeText('  one\t\ttwo\n\u00A0three  ')).toBe('one two three');
  });

  it('treats curly and straight apostrophes alike', () => {
    expect(normalizeText('Don’t')).toBe(normalizeText("don't"));
  });
});
