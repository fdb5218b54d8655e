import { describe, expect, it } from 'vitest';
import { cleanQuery, splitCompoundWord, withoutSignature } from '../../src/search/query-cleanup.js';

describe('cleanQuery', () => {
  it('gives the same text the same result, and another text its own (the last result is reused)', () => {
    const first = cleanQuery('RT: #StayHome now https://t.co/x');
    expect(cleanQuery('RT: #StayHome now https://t.co/x')).toBe(first);
    expect(cleanQuery('#StayHome later').text).toBe('Stay Home later');
    expect(cleanQuery('RT: #StayHome now https://t.co/x')).toEqual({ text: 'Stay Home now', mentions: '' });
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('drops links, including one glued to a hashtag and pic.twitter.com images', () => {
    const { text } = cleanQuery('Look at this https://t.co/abc123 and www.example.com/x pic.twitter.com/0eJtwJyS1J #DefundTheCBChttps://t.co/CsHG8R9cHp');
    expect(text).toBe('Look at this and Defund The CBC');
  });

  it('removes the tweet signature line, keeping the poster name as a mention', () => {
    const cleaned = cleanQuery('Hurricane Dorian washed up bricks of cocaine — Jane Doe 🇺🇸 (@jdoe) September 3, 2019');
    expect(cleaned.text).toBe('Hurricane Dorian washed up bricks of cocaine');
    expect(cleaned.mentions).toBe('Jane Doe 🇺🇸');
  });

  it('removes a signature that links followed', () => {
    const cleaned = cleanQuery('Bricks of cocaine — Jane Doe (@jdoe) September 3, 2019 https://t.co/x pic.twitter.com/y');
    expect(cleaned).toEqual({ text: 'Bricks of cocaine', mentions: 'Jane Doe' });
  });

  it('finds the signature as the plain pattern does, wherever dashes, spaces and handles fall', () => {
    // The plain pattern, which tried every start: the same result, only slower on long texts.
    const plain = /\s*[—–-]{1,2}([^—–\n]*)\(@\w+\)\s+(?:January|March|June)\s+\d{1,2},\s+\d{4}\s*$/iu;
    const pieces = [' ', '\n', '-', '—', '–', 'Bob', '(@bob)', ' March 3, 2020', ' (@x) June 1, 2019', 'a'];
    let seed = 1;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647);
    for (let i = 0; i < 5_000; i++) {
      const text = Array.from({ length: 1 + (next() % 8) }, () => pieces[next() % pieces.length]).join('');
      const name = plain.exec(text)?.[1];
      expect(withoutSignature(text), JSON.stringify(text)).toEqual(name === undefined ? { text } : { text: text.replace(plain, ''), name });
    }
  });

  it('cleans texts of 16,000 dashes or spaces before a signature', () => {
    const dashes = '-'.repeat(16_000);
    expect(cleanQuery(`${dashes} claim — Bob (@bob) March 3, 2020`)).toEqual({ text: `${dashes} claim`, mentions: 'Bob' });
    expect(cleanQuery(`claim ${' '.repeat(16_000)}— Bob (@bob) March 3, 2020`)).toEqual({ text: 'claim', mentions: 'Bob' });
  });

  it('takes @handles out of the text and keeps their words as mentions', () => {
    const cleaned = cleanQuery('Every reporter must ask @LindseyGrahamSC about it. Mail me at a@b.org');
    expect(cleaned.text).toBe('Every reporter must ask about it. Mail me at a@b.org');
    expect(cleaned.mentions).toBe('Lindsey Graham SC');
  });

  it('splits hashtags into words', () => {
    expect(cleanQuery('#DefundTheCBC now').text).toBe('Defund The CBC now');
    expect(cleanQuery('#AustralianFires').text).toBe('Australian Fires');
  });

  it('drops the retweet marker and decodes HTML entities', () => {
    expect(cleanQuery('RT @news: Salt &amp; pepper').text).toBe(': Salt & pepper');
  });

  it('leaves plain text alone', () => {
    expect(cleanQuery('The moon landing was staged')).toEqual({ text: 'The moon landing was staged', mentions: '' });
  });
});

describe('splitCompoundWord', () => {
  it('splits camelCase, acronyms, digits and underscores', () => {
    expect(splitCompoundWord('DefundTheCBC')).toBe('Defund The CBC');
    expect(splitCompoundWord('CBCNews')).toBe('CBC News');
    expect(splitCompoundWord('COVID19Vaccine')).toBe('COVID 19 Vaccine');
    expect(splitCompoundWord('stay_home')).toBe('stay home');
  });
});
