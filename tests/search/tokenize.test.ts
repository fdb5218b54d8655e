import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/search/tokenize.js';

const terms = (text: string): string[] => tokenize(text).map((token) => token.term);
const surfaces = (text: string): string[] => tokenize(text).map((token) => token.surface);

describe('tokenize', () => {
  it('segments Chinese, Japanese and Thai, which have no spaces between words', () => {
    expect(surfaces('中华人民共和国')).toEqual(['中华', '人民', '共和国']);
    expect(surfaces('東京に住んでいます').length).toBeGreaterThan(2);
    expect(surfaces('สวัสดีครับ')).toEqual(['สวัสดี', 'ครับ']);
  });

  it('segments the unspaced words of a text that mixes them with spaced ones, and only those', () => {
    expect(surfaces('Vaccines 中华人民共和国 covid19')).toEqual(['vaccines', '中华', '人民', '共和国', 'covid', '19']);
  });

  it('stems English words, so inflections meet', () => {
    expect(terms('vaccines')).toEqual(terms('vaccine'));
    expect(terms('running')).toEqual(['run']);
    expect(terms('alliances')).toEqual(terms('alliance'));
  });

  it('drops English stopwords', () => {
    expect(terms('the president of the United States')).toEqual(terms('president United States'));
  });

  it('keeps numbers as tokens, without thousands separators', () => {
    expect(terms('122 detainees released')).toContain('122');
    expect(terms('1,000 jobs')).toContain('1000');
    expect(terms('a 1.5% rise')).toContain('1.5');
  });

  it('splits letters from digits, so "COVID19" and "COVID-19" match', () => {
    expect(terms('COVID19')).toEqual(terms('COVID-19'));
  });

  it('reads dotted acronyms as one word and a missing space after a full stop as two', () => {
    expect(surfaces('the U.S. economy')).toEqual(['us', 'economy']);
    expect(surfaces('killed Soleimani.PS')).toEqual(['killed', 'soleimani', 'ps']);
  });

  it('drops possessive endings', () => {
    expect(terms("Trump's wall")).toEqual(terms('Trump wall'));
  });

  it('neither stems nor drops words of other scripts', () => {
    expect(surfaces('Москва столица России')).toEqual(['москва', 'столица', 'россии']);
    expect(terms('Москва столица России')).toEqual(['москва', 'столица', 'россии']);
    expect(surfaces('मैं हिंदी बोलता हूँ')).toEqual(['मैं', 'हिंदी', 'बोलता', 'हूँ']);
  });

  it('folds the text first, so accents and case do not matter', () => {
    expect(terms('CAFÉ')).toEqual(terms('cafe'));
  });
});
