import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, looksLikeUrl } from '../../src/links/canonicalize-url.js';

describe('canonicalizeUrl', () => {
  it.each([
    // scheme and host
    ['http://example.com/story', 'https://example.com/story'],
    ['HTTPS://EXAMPLE.COM/Story', 'https://example.com/Story'],
    ['example.com/story', 'https://example.com/story'],
    ['//example.com/story', 'https://example.com/story'],
    ['  <https://example.com/story>  ', 'https://example.com/story'],
    ['https://user:secret@example.com/story', 'https://example.com/story'],
    ['https://bücher.de/straße', 'https://xn--bcher-kva.de/stra%C3%9Fe'],
    ['https://example.com./story', 'https://example.com/story'],
    // edition hosts
    ['https://www.example.com/story', 'https://example.com/story'],
    ['https://m.example.com/story', 'https://example.com/story'],
    ['https://mobile.example.com/story', 'https://example.com/story'],
    ['https://amp.example.com/story', 'https://example.com/story'],
    ['https://amp.dev/documentation', 'https://amp.dev/documentation'],
    // AMP paths and parameters
    ['https://example.com/story/amp/', 'https://example.com/story'],
    ['https://example.com/amp/story', 'https://example.com/story'],
    ['https://example.com/story?amp', 'https://example.com/story'],
    ['https://example.com/story?amp=1', 'https://example.com/story'],
    ['https://example.com/story?outputType=amp', 'https://example.com/story'],
    // tracking parameters
    ['https://example.com/story?utm_source=twitter&utm_medium=social', 'https://example.com/story'],
    ['https://example.com/story?fbclid=IwAR0abc', 'https://example.com/story'],
    ['https://example.com/story?gclid=1&dclid=2&yclid=3&msclkid=4', 'https://example.com/story'],
    ['https://example.com/story?igshid=abc&mc_cid=1&mc_eid=2', 'https://example.com/story'],
    ['https://example.com/story?ref_src=twsrc&ref_url=x&_ga=2.1', 'https://example.com/story'],
    ['https://example.com/story?id=7&utm_campaign=c', 'https://example.com/story?id=7'],
    // fragments, slashes, ports, query order, escapes
    ['https://example.com/story#comments', 'https://example.com/story'],
    ['https://example.com/story/', 'https://example.com/story'],
    ['https://example.com/', 'https://example.com'],
    ['https://example.com//a//b', 'https://example.com/a/b'],
    ['http://example.com:80/story', 'https://example.com/story'],
    ['https://example.com:443/story', 'https://example.com/story'],
    ['https://example.com:8443/story', 'https://example.com:8443/story'],
    ['https://example.com/search?q=b&a=1&q=a', 'https://example.com/search?a=1&q=b&q=a'],
    ['https://example.com/search?q=a%20b', 'https://example.com/search?q=a+b'],
    ['https://example.com/caf%c3%a9/%7euser', 'https://example.com/caf%C3%A9/~user'],
    ['https://example.com/100%25-true', 'https://example.com/100%25-true'],
    ['https://example.com/index.html', 'https://example.com'],
    // archive wrappers
    ['https://web.archive.org/web/20211123000000/https://www.example.com/story', 'https://example.com/story'],
    ['https://web.archive.org/web/20211123000000id_/http://example.com/story?utm_source=x', 'https://example.com/story'],
    ['http://web.archive.org/web/20211123000000if_/https://example.com/story', 'https://example.com/story'],
    ['web.archive.org/web/2021/example.com/story', 'https://example.com/story'],
    ['https://web.archive.org/web/20211123000000/https%3A%2F%2Fexample.com%2Fstory', 'https://example.com/story'],
    ['https://archive.ph/o/AbC12/https://www.example.com/story', 'https://example.com/story'],
    ['https://archive.ph/2021.11.23-000000/https://example.com/story', 'https://example.com/story'],
    ['https://archive.is/20211123000000/https://example.com/story', 'https://example.com/story'],
    ['http://archive.is/LC508', 'https://archive.ph/LC508'],
    // sites
    ['https://twitter.com/SomeUser/status/1249712404260421633?s=20&t=abc', 'https://x.com/i/status/1249712404260421633'],
    ['https://mobile.twitter.com/someuser/status/1249712404260421633/photo/1', 'https://x.com/i/status/1249712404260421633'],
    ['https://twitter.com/#!/SomeUser/status/1249712404260421633', 'https://x.com/i/status/1249712404260421633'],
    ['https://twitter.com/SomeUser', 'https://x.com/SomeUser'],
    ['https://youtu.be/dQw4w9WgXcQ?si=share123', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=youtu.be&t=42', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?si=abc123', 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk'],
    ['https://www.facebook.com/user/photos/a.1/2/?type=3&theater', 'https://facebook.com/user/photos/a.1/2'],
    ['https://www.tiktok.com/@user/video/7012345678901234567?is_from_webapp=1&sender_device=pc', 'https://tiktok.com/@user/video/7012345678901234567'],
  ])('%s → %s', (input, canonical) => {
    expect(canonicalizeUrl(input)).toBe(canonical);
  });

  it.each([
    ['empty input', ''],
    ['blank input', '   '],
    ['a sentence', 'hello world'],
    ['a javascript: link', 'javascript:alert(1)'],
    ['an ftp link', 'ftp://x'],
    ['a scheme without host', 'http://'],
    ['a mailto: link', 'mailto:a@b.c'],
    ['an e-mail address', 'someone@example.com'],
    ['a decimal number', '3.5'],
    ['an abbreviation', 'U.S.'],
    ['"e.g."', 'e.g.'],
    ['a file name', 'file.txt'],
    ['a file name under a country TLD', 'setup.py'],
    ['a bare public suffix', 'co.uk'],
    ['a link with a space inside', 'https://example.com/a story'],
  ])('rejects %s', (_label, input) => {
    expect(canonicalizeUrl(input)).toBeUndefined();
  });

  it.each([
    [
      'a news story',
      [
        'https://www.example.com/world/story-123/',
        'http://example.com/world/story-123?utm_source=facebook&fbclid=abc',
        'example.com/world/story-123#top',
        'https://amp.example.com/world/story-123/amp',
        'https://web.archive.org/web/20211123000000/https://m.example.com/world/story-123',
        'https://archive.ph/o/Zz9/https://www.example.com/world/story-123?amp=1',
      ],
    ],
    [
      'a post on X',
      [
        'https://twitter.com/SomeUser/status/1249712404260421633',
        'https://x.com/someuser/status/1249712404260421633?s=20',
        'https://mobile.twitter.com/SomeUser/status/1249712404260421633?t=xyz&s=09',
        'https://twitter.com/i/web/status/1249712404260421633',
      ],
    ],
    [
      'a YouTube video',
      [
        'https://youtu.be/dQw4w9WgXcQ',
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share',
        'https://m.youtube.com/watch?feature=youtu.be&v=dQw4w9WgXcQ&si=x',
        'https://youtube.com/shorts/dQw4w9WgXcQ',
      ],
    ],
  ])('gives one canonical form for every shared form of %s', (_label, forms) => {
    const canonical = new Set(forms.map(canonicalizeUrl));
    expect(canonical.size).toBe(1);
    expect([...canonical][0]).toBeDefined();
  });

  it('keeps different pages apart', () => {
    expect(canonicalizeUrl('https://example.com/story?id=1')).not.toBe(canonicalizeUrl('https://example.com/story?id=2'));
    expect(canonicalizeUrl('https://youtu.be/aaaaaaaaaaa')).not.toBe(canonicalizeUrl('https://youtu.be/bbbbbbbbbbb'));
    expect(canonicalizeUrl('https://example.com/Story')).not.toBe(canonicalizeUrl('https://example.com/story'));
  });

  it('is idempotent', () => {
    const inputs = [
      'https://example.com/a%2525b',
      'https://example.com/a%zz',
      'https://example.com/search?q=%E9&flag',
      'https://web.archive.org/web/2021/example.com/x?b=2&a=1',
      'https://twitter.com/#!/u/status/1',
    ];
    for (const input of inputs) {
      const canonical = canonicalizeUrl(input);
      expect(canonical, input).toBeDefined();
      expect(canonicalizeUrl(canonical!), input).toBe(canonical);
    }
  });

  it('never throws, whatever the input', () => {
    const hostile = ['https://[::1', 'http://%', '<<>>', 'https://example.com/%', '\u0000', 'https://' + 'a'.repeat(10_000) + '.com'];
    for (const input of hostile) expect(() => canonicalizeUrl(input)).not.toThrow();
  });
});

describe('looksLikeUrl', () => {
  it.each(['https://example.com/story', 'example.com/story', '  www.example.com  ', '<https://example.com>', 'bbc.co.uk/news/x', 'example.com'])(
    'is true for the single link %j',
    (input) => {
      expect(looksLikeUrl(input)).toBe(true);
    },
  );

  it.each([
    'Read this: https://example.com/story',
    'https://example.com/story is fake',
    '3.5 million',
    'U.S. troops',
    'U.S.',
    'e.g.',
    'file.txt',
    'mailto:a@b.c',
    'someone@example.com',
    '',
  ])('is false for %j', (input) => {
    expect(looksLikeUrl(input)).toBe(false);
  });
});

const BENCH = path.resolve(import.meta.dirname, '../../../shared/bench');
const COAID = path.join(BENCH, 'links/coaid');

describe('canonicalizeUrl on real shared links (CoAID news_url)', () => {
  it.skipIf(!existsSync(COAID))(`accepts at least 95% and is idempotent on all (needs ${COAID}; skipped when absent)`, () => {
    const urls = readdirSync(COAID).flatMap((folder) => {
      const file = path.join(COAID, folder, 'NewsFakeCOVID-19.csv');
      if (!existsSync(file)) return [];
      const rows: Record<string, string>[] = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
      return rows.map((row) => row.news_url?.trim() ?? '').filter(Boolean);
    });
    expect(urls.length).toBeGreaterThan(0);

    const canonical = urls.map(canonicalizeUrl);
    const accepted = canonical.filter((url): url is string => url !== undefined);
    console.info(`canonicalizeUrl accepted ${accepted.length} of ${urls.length} CoAID news_url values`);
    expect(accepted.length / urls.length).toBeGreaterThanOrEqual(0.95);
    const notIdempotent = accepted.filter((url) => canonicalizeUrl(url) !== url);
    expect(notIdempotent).toEqual([]);
  });
});
