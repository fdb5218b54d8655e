import { describe, expect, it } from 'vitest';
import { urlPathWords, urlSearchWords } from '../../src/links/url-words.js';

describe('urlPathWords', () => {
  it('gives the words of a story slug without ids, dates, extensions or section names', () => {
    expect(urlPathWords('https://example.com/news/2021/11/russia-china-military-alliance-12345.html')).toBe('russia china military alliance');
  });

  it('drops month abbreviations of dated paths', () => {
    expect(urlPathWords('https://politifact.com/factchecks/2020/apr/21/speaker/no-wisconsin-not-seeing-decline')).toBe(
      'factchecks speaker no wisconsin not seeing decline',
    );
  });

  it('drops ids that mix letters and digits but keeps words like covid19 and 5g', () => {
    expect(urlPathWords('https://reuters.com/article/us-health-coronavirus-idUSKBN21J6A0')).toBe('us health coronavirus');
    expect(urlPathWords('https://example.com/covid19-spread-by-5g_towers')).toBe('covid19 spread by 5g towers');
  });

  it('splits on - _ . / + and percent-decodes', () => {
    expect(urlPathWords('https://example.com/caf%C3%A9+au_lait/recipe.php')).toBe('café au lait recipe');
  });

  it('is lower-case', () => {
    expect(urlPathWords('https://example.com/Bill-Gates-Microchip')).toBe('bill gates microchip');
  });

  it("returns '' when nothing useful is left", () => {
    expect(urlPathWords('https://example.com')).toBe('');
    expect(urlPathWords('https://example.com/news/2021/11/12345/index.html')).toBe('');
    expect(urlPathWords('https://x.com/i/status/1249712404260421633')).toBe('');
    expect(urlPathWords('https://youtube.com/watch?v=dQw4w9WgXcQ')).toBe('');
  });

  it("returns '' for something that is not a link", () => {
    expect(urlPathWords('not a link')).toBe('');
  });
});

describe('urlSearchWords', () => {
  it('uses the path words when there are any', () => {
    expect(urlSearchWords('https://example.com/news/2021/11/russia-china-military-alliance-12345.html')).toBe('russia china military alliance');
  });

  it('falls back to the site name for a bare site link', () => {
    expect(urlSearchWords('amazon.com')).toBe('amazon');
    expect(urlSearchWords('https://www.daily-truth-news.co.uk/')).toBe('daily truth news');
  });

  it('gives nothing for input that is not a link', () => {
    expect(urlSearchWords('not a link')).toBe('');
  });
});
